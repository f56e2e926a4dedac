// Screen-reader announcements (device and card events) through one polite live region.

let clearTimer = null;

export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes repeated identical messages announced again.
  region.textContent = '';
  clearTimeout(clearTimer);
  setTimeout(() => {
    region.textContent = text;
    clearTimer = setTimeout(() => { region.textContent = ''; }, 5000);
  }, 50);
}
