/*
 * A reader plugin that loads fine but breaks ABI rules the host cannot check at load time, so
 * that onestop-plugin-check must fail it. It never writes outside memory the checker owns.
 *   - emits an event without a device id during init
 *   - enumerate ignores the caller's count and writes both devices into any array
 *   - features accepts any reader id and writes the whole struct whatever struct_size says
 *   - connect accepts unknown reader ids
 *   - transmit answers with no status word
 */
#include <stdlib.h>
#include <string.h>

#include "onestop/plugin.h"

static const uint8_t kAtr[] = {0x3B, 0x80, 0x80, 0x01, 0x01};
static int g_instance;

struct onestop_card {
  int unused;
};

static onestop_status nc_init(const onestop_host_api* host, const char* config, void** plugin) {
  onestop_event e;
  (void)config;
  if (host == NULL || plugin == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  memset(&e, 0, sizeof e);
  e.struct_size = sizeof e;
  e.kind = ONESTOP_EVENT_CARD_INSERTED;
  e.device_kind = ONESTOP_DEVICE_READER;
  e.device_id = NULL; /* violation */
  host->emit(host->host_context, &e);
  *plugin = &g_instance;
  return ONESTOP_OK;
}

static void nc_shutdown(void* plugin) {
  (void)plugin;
}

static onestop_status nc_enumerate(void* plugin, onestop_device_info* devices, uint32_t* count) {
  uint32_t i;
  if (plugin == NULL || count == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (devices != NULL) {
    for (i = 0; i < 2; ++i) { /* violation: ignores *count */
      memset(&devices[i], 0, sizeof devices[i]);
      devices[i].kind = ONESTOP_DEVICE_READER;
      devices[i].flags = ONESTOP_DEVICE_FLAG_CARD_PRESENT;
      strcpy(devices[i].id, i == 0 ? "n0" : "n1");
      strcpy(devices[i].name, "Nonconformant reader");
    }
  }
  *count = 2;
  return ONESTOP_OK;
}

static onestop_status nc_features(void* plugin, const char* id, onestop_reader_features* out) {
  (void)id; /* violation: any id is fine */
  if (plugin == NULL || out == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  out->max_command_apdu = 261; /* violation: ignores struct_size */
  out->max_response_apdu = 258;
  out->extended_length = 0;
  out->pin_pad = 0;
  return ONESTOP_OK;
}

static onestop_status nc_connect(void* plugin, const char* id, onestop_card** card, uint8_t* atr,
                                 size_t* atr_len) {
  (void)id; /* violation: any id connects */
  if (plugin == NULL || card == NULL || atr == NULL || atr_len == NULL) {
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  if (*atr_len < sizeof kAtr) {
    *atr_len = sizeof kAtr;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  memcpy(atr, kAtr, sizeof kAtr);
  *atr_len = sizeof kAtr;
  *card = calloc(1, sizeof **card);
  return *card != NULL ? ONESTOP_OK : ONESTOP_E_INTERNAL;
}

static onestop_status nc_transmit(onestop_card* card, const uint8_t* command, size_t command_len,
                                  uint8_t* response, size_t* response_len) {
  (void)command;
  (void)command_len;
  (void)response;
  if (card == NULL || response_len == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  *response_len = 0; /* violation: no SW1 SW2 */
  return ONESTOP_OK;
}

static onestop_status nc_disconnect(onestop_card* card, uint32_t disposition) {
  (void)disposition;
  if (card == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  free(card);
  return ONESTOP_OK;
}

static const onestop_reader_api kReader = {
    {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_reader_api)},
    nc_features,
    nc_connect,
    nc_transmit,
    nc_disconnect};

static const onestop_plugin_api kPlugin = {
    {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_plugin_api)},
    "nonconformant",
    nc_init,
    nc_shutdown,
    nc_enumerate,
    NULL,
    &kReader,
    NULL,
    NULL};

ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(uint16_t host_abi_major,
                                                                     uint16_t host_abi_minor) {
  (void)host_abi_major;
  (void)host_abi_minor;
  return &kPlugin;
}
