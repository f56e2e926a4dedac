/*
 * hello-reader: the smallest complete onestop device plugin, in plain C.
 *
 * One reader, "hello-0", whose card answers every APDU with 90 00. The card can be taken out and
 * put back through control requests {"command":"removeCard"} / {"command":"insertCard"}, which
 * raise CARD_REMOVED / CARD_INSERTED events. Everything a real reader plugin needs is here:
 * the entry point, init/shutdown, enumerate with its size query, the reader functions with their
 * error paths, caller buffers, struct_size rules and events. See README.md and docs/plugin-sdk.md.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "onestop/plugin.h"
#include "onestop/plugin_layout.h" /* compile-time checks that our header matches the ABI */

#define READER_ID "hello-0"

static const uint8_t kAtr[] = {0x3B, 0x80, 0x80, 0x01, 0x01};

/* The plugin instance: what init returns as `plugin` and every call gets back. */
typedef struct hello_plugin {
  onestop_host_api host; /* our copy of the host table (only what its struct_size covers) */
  atomic_int card_present;
} hello_plugin;

/* The opaque card handle of plugin.h, defined by the plugin. */
struct onestop_card {
  hello_plugin* plugin;
};

static void hello_log(const hello_plugin* p, int32_t level, const char* message) {
  if (p->host.log != NULL) p->host.log(p->host.host_context, level, message);
}

static void hello_emit(const hello_plugin* p, uint32_t kind, const uint8_t* data, size_t len) {
  onestop_event event;
  if (p->host.emit == NULL) return;
  memset(&event, 0, sizeof event);
  event.struct_size = sizeof event;
  event.kind = kind;
  event.device_kind = ONESTOP_DEVICE_READER;
  event.device_id = READER_ID;
  event.data = data;
  event.data_len = len;
  p->host.emit(p->host.host_context, &event);
}

/* ---- plugin-wide functions ------------------------------------------------------------------ */

static onestop_status hello_init(const onestop_host_api* host, const char* config_json,
                                 void** plugin) {
  hello_plugin* p;
  size_t n;
  (void)config_json; /* this plugin has no settings */
  if (host == NULL || plugin == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (host->header.abi_major != ONESTOP_ABI_MAJOR) return ONESTOP_E_NOT_SUPPORTED;
  p = calloc(1, sizeof *p);
  if (p == NULL) return ONESTOP_E_INTERNAL;
  /* Read only what the host's struct_size covers; the rest stays zero (= absent). */
  n = host->header.struct_size < sizeof p->host ? host->header.struct_size : sizeof p->host;
  memcpy(&p->host, host, n);
  atomic_init(&p->card_present, 1);
  hello_log(p, ONESTOP_LOG_INFO, "hello-reader ready");
  *plugin = p;
  return ONESTOP_OK;
}

static void hello_shutdown(void* plugin) {
  free(plugin);
}

static onestop_status hello_enumerate(void* plugin, onestop_device_info* devices, uint32_t* count) {
  hello_plugin* p = plugin;
  if (p == NULL || count == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (devices == NULL) { /* size query */
    *count = 1;
    return ONESTOP_OK;
  }
  if (*count < 1) {
    *count = 1;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  memset(&devices[0], 0, sizeof devices[0]);
  devices[0].kind = ONESTOP_DEVICE_READER;
  devices[0].flags = atomic_load(&p->card_present) ? ONESTOP_DEVICE_FLAG_CARD_PRESENT : 0u;
  strcpy(devices[0].id, READER_ID);
  strcpy(devices[0].name, "Hello example reader");
  *count = 1;
  return ONESTOP_OK;
}

static onestop_status reply(const char* text, char* response, size_t* response_len) {
  const size_t len = strlen(text);
  if (response == NULL || *response_len < len + 1) {
    *response_len = len + 1;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  memcpy(response, text, len + 1);
  *response_len = len;
  return ONESTOP_OK;
}

static onestop_status hello_control(void* plugin, const char* request, char* response,
                                    size_t* response_len) {
  hello_plugin* p = plugin;
  if (p == NULL || request == NULL || response_len == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  /* A real plugin parses the JSON; the example only looks for its two commands. */
  if (strstr(request, "\"insertCard\"") != NULL) {
    atomic_store(&p->card_present, 1);
    hello_emit(p, ONESTOP_EVENT_CARD_INSERTED, kAtr, sizeof kAtr);
    return reply("{\"reader\":\"" READER_ID "\",\"atr\":\"3B80800101\"}", response, response_len);
  }
  if (strstr(request, "\"removeCard\"") != NULL) {
    atomic_store(&p->card_present, 0);
    hello_emit(p, ONESTOP_EVENT_CARD_REMOVED, NULL, 0);
    return reply("{\"reader\":\"" READER_ID "\"}", response, response_len);
  }
  reply("{\"error\":\"unknown command (insertCard, removeCard)\"}", response, response_len);
  return ONESTOP_E_INVALID_ARGUMENT;
}

/* ---- reader functions ----------------------------------------------------------------------- */

static onestop_status hello_features(void* plugin, const char* reader_id,
                                     onestop_reader_features* out) {
  onestop_reader_features full;
  if (plugin == NULL || reader_id == NULL || out == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (strcmp(reader_id, READER_ID) != 0) return ONESTOP_E_NO_DEVICE;
  /* Fill a whole struct, then copy no more than the caller's struct_size. */
  memset(&full, 0, sizeof full);
  full.struct_size = out->struct_size;
  full.max_command_apdu = 261;
  full.max_response_apdu = 258;
  full.extended_length = 0;
  full.pin_pad = 0;
  memcpy(out, &full, out->struct_size < sizeof full ? out->struct_size : sizeof full);
  return ONESTOP_OK;
}

static onestop_status hello_connect(void* plugin, const char* reader_id, onestop_card** card,
                                    uint8_t* atr, size_t* atr_len) {
  hello_plugin* p = plugin;
  if (p == NULL || reader_id == NULL || card == NULL || atr_len == NULL) {
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  *card = NULL;
  if (strcmp(reader_id, READER_ID) != 0) return ONESTOP_E_NO_DEVICE;
  if (!atomic_load(&p->card_present)) return ONESTOP_E_NO_CARD;
  if (atr == NULL || *atr_len < sizeof kAtr) {
    *atr_len = sizeof kAtr; /* tell the need; open nothing */
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  *card = malloc(sizeof **card);
  if (*card == NULL) return ONESTOP_E_INTERNAL;
  (*card)->plugin = p;
  memcpy(atr, kAtr, sizeof kAtr);
  *atr_len = sizeof kAtr;
  return ONESTOP_OK;
}

static onestop_status hello_transmit(onestop_card* card, const uint8_t* command, size_t command_len,
                                     uint8_t* response, size_t* response_len) {
  if (card == NULL || command == NULL || command_len == 0 || response_len == NULL) {
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  if (!atomic_load(&card->plugin->card_present)) return ONESTOP_E_CARD_REMOVED;
  if (response == NULL || *response_len < 2) {
    *response_len = 2;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  response[0] = 0x90; /* SW1 SW2 = 90 00: success, whatever the command */
  response[1] = 0x00;
  *response_len = 2;
  return ONESTOP_OK;
}

static onestop_status hello_disconnect(onestop_card* card, uint32_t disposition) {
  (void)disposition; /* nothing to reset on this card */
  if (card == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  free(card);
  return ONESTOP_OK;
}

/* ---- the tables and the entry point ---------------------------------------------------------- */

static const onestop_reader_api kReaderApi = {
    {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_reader_api)},
    hello_features,
    hello_connect,
    hello_transmit,
    hello_disconnect,
};

static const onestop_plugin_api kPluginApi = {
    {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_plugin_api)},
    "hello-reader", /* must equal manifest.json's "id" */
    hello_init,
    hello_shutdown,
    hello_enumerate,
    hello_control,
    &kReaderApi,
    NULL, /* no scanners */
    NULL, /* no printers */
};

ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(uint16_t host_abi_major,
                                                                     uint16_t host_abi_minor) {
  (void)host_abi_minor; /* any 1.x host can use a 1.0 table */
  return host_abi_major == ONESTOP_ABI_MAJOR ? &kPluginApi : NULL;
}
