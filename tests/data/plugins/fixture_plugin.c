/*
 * A small, correct reader plugin used by most fixture cases. Compile-time switches turn it into
 * the broken variants the host must refuse:
 *   FIXTURE_ID          the id in the plugin table (default "good")
 *   FIXTURE_ABI_MAJOR   the table's ABI major (default ONESTOP_ABI_MAJOR)
 *   FIXTURE_NO_ENTRY    export no onestop_plugin_entry
 *   FIXTURE_ENTRY_NULL  the entry point returns NULL
 *   FIXTURE_INIT_FAILS  init returns ONESTOP_E_IO
 *
 * Devices: reader "r0" (card present at start, ATR 3B 80 80 01 01, every APDU answers 90 00), and
 * "r1" once added. control() requests (plain substrings, no JSON parser needed):
 *   "insert" / "remove"   CARD_INSERTED (with the ATR) / CARD_REMOVED for r0, from the caller's
 * thread "thread-insert"       CARD_INSERTED for r0 emitted from a new thread (joined before
 * returning) "add-reader"          adds r1 and emits DEVICE_ADDED for it
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "onestop/plugin.h"

#ifndef FIXTURE_ID
#define FIXTURE_ID "good"
#endif
#ifndef FIXTURE_ABI_MAJOR
#define FIXTURE_ABI_MAJOR ONESTOP_ABI_MAJOR
#endif

static const uint8_t kAtr[] = {0x3B, 0x80, 0x80, 0x01, 0x01};

typedef struct fixture {
  const onestop_host_api* host;
  pthread_mutex_t mutex;
  int card_present;
  int readers;
} fixture;

struct onestop_card {
  fixture* owner;
};

static void emit(fixture* f, uint32_t kind, const char* id, const uint8_t* data, size_t len) {
  onestop_event e;
  memset(&e, 0, sizeof e);
  e.struct_size = sizeof e;
  e.kind = kind;
  e.device_kind = ONESTOP_DEVICE_READER;
  e.device_id = id;
  e.data = data;
  e.data_len = len;
  f->host->emit(f->host->host_context, &e);
}

static void set_card(fixture* f, int present) {
  pthread_mutex_lock(&f->mutex);
  f->card_present = present;
  pthread_mutex_unlock(&f->mutex);
}

static int known_reader(fixture* f, const char* id) {
  int known;
  pthread_mutex_lock(&f->mutex);
  known = strcmp(id, "r0") == 0 || (f->readers > 1 && strcmp(id, "r1") == 0);
  pthread_mutex_unlock(&f->mutex);
  return known;
}

static onestop_status fx_init(const onestop_host_api* host, const char* config, void** plugin) {
  fixture* f;
  (void)config;
  if (host == NULL || plugin == NULL) return ONESTOP_E_INVALID_ARGUMENT;
#ifdef FIXTURE_INIT_FAILS
  return ONESTOP_E_IO;
#endif
  f = calloc(1, sizeof *f);
  if (f == NULL) return ONESTOP_E_INTERNAL;
  f->host = host;
  pthread_mutex_init(&f->mutex, NULL);
  f->card_present = 1;
  f->readers = 1;
  host->log(host->host_context, ONESTOP_LOG_INFO, "fixture plugin " FIXTURE_ID " initialised");
  *plugin = f;
  return ONESTOP_OK;
}

static void fx_shutdown(void* plugin) {
  fixture* f = plugin;
  if (f == NULL) return;
  pthread_mutex_destroy(&f->mutex);
  free(f);
}

static onestop_status fx_enumerate(void* plugin, onestop_device_info* devices, uint32_t* count) {
  fixture* f = plugin;
  uint32_t n, i;
  if (f == NULL || count == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  pthread_mutex_lock(&f->mutex);
  n = (uint32_t)f->readers;
  if (devices != NULL && *count >= n) {
    for (i = 0; i < n; ++i) {
      memset(&devices[i], 0, sizeof devices[i]);
      devices[i].kind = ONESTOP_DEVICE_READER;
      devices[i].flags = (i == 0 && f->card_present) ? ONESTOP_DEVICE_FLAG_CARD_PRESENT : 0u;
      strcpy(devices[i].id, i == 0 ? "r0" : "r1");
      strcpy(devices[i].name, i == 0 ? "Fixture reader r0" : "Fixture reader r1");
    }
  }
  pthread_mutex_unlock(&f->mutex);
  if (devices != NULL && *count < n) {
    *count = n;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  *count = n;
  return ONESTOP_OK;
}

static void* insert_from_thread(void* arg) {
  fixture* f = arg;
  set_card(f, 1);
  emit(f, ONESTOP_EVENT_CARD_INSERTED, "r0", kAtr, sizeof kAtr);
  return NULL;
}

static onestop_status reply(const char* text, char* response, size_t* response_len) {
  size_t len = strlen(text);
  if (*response_len < len + 1) {
    *response_len = len + 1;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  memcpy(response, text, len + 1);
  *response_len = len;
  return ONESTOP_OK;
}

static onestop_status fx_control(void* plugin, const char* request, char* response,
                                 size_t* response_len) {
  fixture* f = plugin;
  pthread_t thread;
  if (f == NULL || request == NULL || response_len == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (strstr(request, "thread-insert") != NULL) {
    if (pthread_create(&thread, NULL, insert_from_thread, f) != 0) return ONESTOP_E_INTERNAL;
    pthread_join(thread, NULL);
  } else if (strstr(request, "insert") != NULL) {
    set_card(f, 1);
    emit(f, ONESTOP_EVENT_CARD_INSERTED, "r0", kAtr, sizeof kAtr);
  } else if (strstr(request, "remove") != NULL) {
    set_card(f, 0);
    emit(f, ONESTOP_EVENT_CARD_REMOVED, "r0", NULL, 0);
  } else if (strstr(request, "add-reader") != NULL) {
    pthread_mutex_lock(&f->mutex);
    f->readers = 2;
    pthread_mutex_unlock(&f->mutex);
    emit(f, ONESTOP_EVENT_DEVICE_ADDED, "r1", NULL, 0);
  } else {
    reply("{\"error\":\"unknown request\"}", response, response_len);
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  return reply("{\"ok\":true}", response, response_len);
}

static onestop_status fx_features(void* plugin, const char* id, onestop_reader_features* out) {
  onestop_reader_features full;
  if (plugin == NULL || id == NULL || out == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (!known_reader(plugin, id)) return ONESTOP_E_NO_DEVICE;
  memset(&full, 0, sizeof full);
  full.struct_size = out->struct_size;
  full.max_command_apdu = 261;
  full.max_response_apdu = 258;
  memcpy(out, &full, out->struct_size < sizeof full ? out->struct_size : sizeof full);
  return ONESTOP_OK;
}

static onestop_status fx_connect(void* plugin, const char* id, onestop_card** card, uint8_t* atr,
                                 size_t* atr_len) {
  fixture* f = plugin;
  int present;
  if (f == NULL || id == NULL || card == NULL || atr_len == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  *card = NULL;
  if (!known_reader(f, id)) return ONESTOP_E_NO_DEVICE;
  pthread_mutex_lock(&f->mutex);
  present = f->card_present && strcmp(id, "r0") == 0;
  pthread_mutex_unlock(&f->mutex);
  if (!present) return ONESTOP_E_NO_CARD;
  if (atr == NULL || *atr_len < sizeof kAtr) {
    *atr_len = sizeof kAtr;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  memcpy(atr, kAtr, sizeof kAtr);
  *atr_len = sizeof kAtr;
  *card = malloc(sizeof **card);
  if (*card == NULL) return ONESTOP_E_INTERNAL;
  (*card)->owner = f;
  return ONESTOP_OK;
}

static onestop_status fx_transmit(onestop_card* card, const uint8_t* command, size_t command_len,
                                  uint8_t* response, size_t* response_len) {
  int present;
  if (card == NULL || command == NULL || command_len == 0 || response_len == NULL) {
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  pthread_mutex_lock(&card->owner->mutex);
  present = card->owner->card_present;
  pthread_mutex_unlock(&card->owner->mutex);
  if (!present) return ONESTOP_E_CARD_REMOVED;
  if (response == NULL || *response_len < 2) {
    *response_len = 2;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  response[0] = 0x90;
  response[1] = 0x00;
  *response_len = 2;
  return ONESTOP_OK;
}

static onestop_status fx_disconnect(onestop_card* card, uint32_t disposition) {
  (void)disposition;
  if (card == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  free(card);
  return ONESTOP_OK;
}

static const onestop_reader_api kReader = {
    {FIXTURE_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_reader_api)},
    fx_features,
    fx_connect,
    fx_transmit,
    fx_disconnect};

static const onestop_plugin_api kPlugin = {
    {FIXTURE_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_plugin_api)},
    FIXTURE_ID,
    fx_init,
    fx_shutdown,
    fx_enumerate,
    fx_control,
    &kReader,
    NULL,
    NULL};

#ifdef FIXTURE_NO_ENTRY
/* Exported under another name: the library loads, the symbol is missing. */
ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry_v0(uint16_t major,
                                                                        uint16_t minor);
ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry_v0(uint16_t major,
                                                                        uint16_t minor) {
  (void)major;
  (void)minor;
  return &kPlugin;
}
#else
ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(uint16_t host_abi_major,
                                                                     uint16_t host_abi_minor) {
  (void)host_abi_major;
  (void)host_abi_minor;
#ifdef FIXTURE_ENTRY_NULL
  return kPlugin.id == NULL ? &kPlugin : NULL; /* always NULL; keeps kPlugin referenced */
#else
  return &kPlugin;
#endif
}
#endif
