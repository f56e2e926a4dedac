/*
 * A plugin built against an older 1.x header whose plugin table ended after `reader` (as if
 * `scanner` and `printer` had been appended by a later minor). Its struct_size says so, and the
 * memory after the table holds poison pointers: a host that reads past struct_size dereferences
 * them and crashes. The host must load it, see its reader, and treat scanner/printer as absent.
 */
#include <stdlib.h>
#include <string.h>

#include "onestop/plugin.h"

typedef struct legacy_plugin_api {
  onestop_abi_header header;
  const char* id;
  onestop_status (*init)(const onestop_host_api* host, const char* config_json, void** plugin);
  void (*shutdown)(void* plugin);
  onestop_status (*enumerate)(void* plugin, onestop_device_info* devices, uint32_t* count);
  onestop_status (*control)(void* plugin, const char* request_json, char* response_json,
                            size_t* response_len);
  const onestop_reader_api* reader;
} legacy_plugin_api;

static int g_instance;

static onestop_status old_init(const onestop_host_api* host, const char* config, void** plugin) {
  (void)config;
  if (host == NULL || plugin == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  *plugin = &g_instance;
  return ONESTOP_OK;
}

static void old_shutdown(void* plugin) {
  (void)plugin;
}

static onestop_status old_enumerate(void* plugin, onestop_device_info* devices, uint32_t* count) {
  if (plugin == NULL || count == NULL) return ONESTOP_E_INVALID_ARGUMENT;
  if (devices != NULL && *count < 1) {
    *count = 1;
    return ONESTOP_E_BUFFER_TOO_SMALL;
  }
  if (devices != NULL) {
    memset(devices, 0, sizeof *devices);
    devices->kind = ONESTOP_DEVICE_READER;
    strcpy(devices->id, "legacy-0");
    strcpy(devices->name, "Legacy reader");
  }
  *count = 1;
  return ONESTOP_OK;
}

static onestop_status old_connect(void* plugin, const char* id, onestop_card** card, uint8_t* atr,
                                  size_t* atr_len) {
  (void)plugin;
  (void)id;
  (void)card;
  (void)atr;
  (void)atr_len;
  return ONESTOP_E_NO_CARD;
}

static onestop_status old_transmit(onestop_card* card, const uint8_t* command, size_t command_len,
                                   uint8_t* response, size_t* response_len) {
  (void)card;
  (void)command;
  (void)command_len;
  (void)response;
  (void)response_len;
  return ONESTOP_E_CARD_REMOVED;
}

static onestop_status old_disconnect(onestop_card* card, uint32_t disposition) {
  (void)card;
  (void)disposition;
  return ONESTOP_OK;
}

/* The reader table of that older header had no features function: it is NULL here. */
static const onestop_reader_api kReader = {{ONESTOP_ABI_MAJOR, 0, sizeof(onestop_reader_api)},
                                           NULL,
                                           old_connect,
                                           old_transmit,
                                           old_disconnect};

static const struct {
  legacy_plugin_api table;
  const void* poison[2]; /* where a 1.x-current host would look for scanner and printer */
} kPlugin = {{{ONESTOP_ABI_MAJOR, 0, sizeof(legacy_plugin_api)},
              "old-minor",
              old_init,
              old_shutdown,
              old_enumerate,
              NULL,
              &kReader},
             {(const void*)(uintptr_t)0x1, (const void*)(uintptr_t)0x1}};

ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(uint16_t host_abi_major,
                                                                     uint16_t host_abi_minor) {
  (void)host_abi_major;
  (void)host_abi_minor;
  return (const onestop_plugin_api*)(const void*)&kPlugin.table;
}
