/*
 * onestop device plugin ABI — the one contract between onestopd and a device vendor's plugin.
 *
 * Rules (see docs/plugin-sdk.md):
 *  - The plugin exports exactly one C symbol, onestop_plugin_entry (ONESTOP_PLUGIN_ENTRY_SYMBOL).
 *  - Every table starts with {abi_major, abi_minor, struct_size}. The host refuses another major
 * and reads only the fields that struct_size covers; a minor release only appends fields at the
 * end.
 *  - A NULL optional function means "not supported".
 *  - Plain C only: fixed-width integers, UTF-8 strings, opaque handles, caller-owned buffers with a
 *    size query (ONESTOP_E_BUFFER_TOO_SMALL sets the needed size). Nothing is thrown across.
 *  - Threading: the host calls into one device from one thread at a time; calls for different
 * devices may run concurrently. Plugin-wide calls (enumerate, control) are serialized with each
 * other but may run concurrently with device calls. A plugin may call onestop_host_api.emit/log
 * from any thread, also from inside a call the host made, but never after shutdown has returned.
 *  - Structs that carry their own struct_size (events, features, capabilities, options, pages):
 *      input  (the producer fills it): the consumer reads only the fields that struct_size covers
 * and treats the rest as zero / default; output (the caller passes it to be filled): the caller
 * zeroes it and sets struct_size to the size it was compiled with; the callee writes no byte at or
 * beyond struct_size and leaves struct_size unchanged (ONESTOP_FIELD_FITS tells whether a field may
 * be written).
 *  - Lifetimes: the table returned by the entry point is static and lives until the library is
 *    unloaded. The host table passed to init and its host_context stay valid until shutdown
 * returns. shutdown frees everything the plugin still holds (open card connections, scan jobs) and
 * stops its threads; the host makes no other call into the plugin after it.
 */
#ifndef ONESTOP_PLUGIN_H
#define ONESTOP_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Minor history: 1.1 adds ONESTOP_E_PRINTER_STOPPED (a status code only; no struct changed). */
#define ONESTOP_ABI_MAJOR 1
#define ONESTOP_ABI_MINOR 1
#define ONESTOP_PLUGIN_ENTRY_SYMBOL "onestop_plugin_entry"

#if defined(_WIN32)
#define ONESTOP_PLUGIN_EXPORT __declspec(dllexport)
#else
#define ONESTOP_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* ---- status codes ------------------------------------------------------------------------- */
typedef int32_t onestop_status;
#define ONESTOP_OK 0
#define ONESTOP_E_INVALID_ARGUMENT 1
#define ONESTOP_E_BUFFER_TOO_SMALL 2
#define ONESTOP_E_NOT_SUPPORTED 3
#define ONESTOP_E_NO_DEVICE 4    /* device unplugged or unknown id */
#define ONESTOP_E_NO_CARD 5      /* reader empty */
#define ONESTOP_E_CARD_REMOVED 6 /* card left during the call */
#define ONESTOP_E_DEVICE_BUSY 7
#define ONESTOP_E_TIMEOUT 8
#define ONESTOP_E_IO 9
#define ONESTOP_E_CANCELLED 10
#define ONESTOP_E_JAMMED 11
#define ONESTOP_E_COVER_OPEN 12
#define ONESTOP_E_NO_DOCUMENTS 13
#define ONESTOP_E_NO_MORE_PAGES 14   /* scan job finished normally */
#define ONESTOP_E_PRINTER_STOPPED 15 /* printer stopped or not accepting jobs (ABI 1.1) */
#define ONESTOP_E_INTERNAL 99
#define ONESTOP_E_VENDOR_BASE 0x10000 /* vendor-specific codes start here; mapped to IO_ERROR */

/* 1 if `field` of the struct at `ptr` (of type `type`) lies inside ptr->struct_size. */
#define ONESTOP_FIELD_FITS(type, ptr, field) \
  ((ptr)->struct_size >= offsetof(type, field) + sizeof((ptr)->field))

/* Buffers the host always offers, so that a plugin never has to fail after acting:
   control() responses and transmit() responses get at least these many bytes. */
#define ONESTOP_CONTROL_RESPONSE_MIN 65536u
#define ONESTOP_TRANSMIT_RESPONSE_MIN 65538u /* 65536 data bytes + SW1 SW2 */

/* ---- common header -------------------------------------------------------------------------- */
typedef struct onestop_abi_header {
  uint16_t abi_major;
  uint16_t abi_minor;
  uint32_t struct_size; /* sizeof the whole table as the producer compiled it */
} onestop_abi_header;

typedef enum onestop_device_kind {
  ONESTOP_DEVICE_READER = 1,
  ONESTOP_DEVICE_SCANNER = 2,
  ONESTOP_DEVICE_PRINTER = 3
} onestop_device_kind;

typedef enum onestop_log_level {
  ONESTOP_LOG_DEBUG = 0,
  ONESTOP_LOG_INFO = 1,
  ONESTOP_LOG_WARNING = 2,
  ONESTOP_LOG_ERROR = 3
} onestop_log_level;

typedef enum onestop_event_kind {
  ONESTOP_EVENT_DEVICE_ADDED = 1,
  ONESTOP_EVENT_DEVICE_REMOVED = 2,
  ONESTOP_EVENT_CARD_INSERTED = 3, /* data = ATR */
  ONESTOP_EVENT_CARD_REMOVED = 4
} onestop_event_kind;

typedef struct onestop_event {
  uint32_t struct_size;  /* set by the plugin; the host reads only what it covers */
  uint32_t kind;         /* onestop_event_kind */
  uint32_t device_kind;  /* onestop_device_kind */
  const char* device_id; /* the plugin's own (local) device id, NUL-terminated */
  const uint8_t* data;   /* event payload, valid only during the emit call */
  size_t data_len;
} onestop_event;

/* ---- what the host gives the plugin ------------------------------------------------------- */
typedef struct onestop_host_api {
  onestop_abi_header header;
  void* host_context; /* pass back unchanged */
  /* Never put citizen data in a log message. */
  void (*log)(void* host_context, int32_t level, const char* message);
  void (*emit)(void* host_context, const onestop_event* event);
} onestop_host_api;

/* ---- devices ------------------------------------------------------------------------------ */
#define ONESTOP_ID_MAX 128
#define ONESTOP_NAME_MAX 256

typedef struct onestop_device_info {
  uint32_t kind;               /* onestop_device_kind */
  uint32_t flags;              /* ONESTOP_DEVICE_FLAG_* */
  char id[ONESTOP_ID_MAX];     /* stable within the plugin, NUL-terminated UTF-8 */
  char name[ONESTOP_NAME_MAX]; /* human-readable, NUL-terminated UTF-8 */
} onestop_device_info;

#define ONESTOP_DEVICE_FLAG_CARD_PRESENT 0x1u /* readers: a card is in the field now */
#define ONESTOP_DEVICE_FLAG_SIMULATED 0x2u

/* ---- readers -------------------------------------------------------------------------------- */
typedef struct onestop_card onestop_card; /* opaque connection handle owned by the plugin */

typedef struct onestop_reader_features {
  uint32_t struct_size;
  uint32_t max_command_apdu;  /* bytes */
  uint32_t max_response_apdu; /* bytes */
  uint8_t extended_length;    /* 1 if extended-length APDUs pass through */
  uint8_t pin_pad;
  uint8_t reserved[2];
} onestop_reader_features;

typedef enum onestop_disposition {
  ONESTOP_LEAVE_CARD = 0,
  ONESTOP_RESET_CARD = 1
} onestop_disposition;

/* Required: connect, transmit, disconnect. Optional: features (NULL: host assumes short APDUs).
   Unknown reader id: ONESTOP_E_NO_DEVICE. Empty reader: ONESTOP_E_NO_CARD. A NULL pointer argument
   (other than a zero-length buffer): ONESTOP_E_INVALID_ARGUMENT. */
typedef struct onestop_reader_api {
  onestop_abi_header header;
  onestop_status (*features)(void* plugin, const char* reader_id, onestop_reader_features* out);
  /* atr: caller buffer of *atr_len bytes; on success *atr_len is the ATR length. If the buffer is
     too small: ONESTOP_E_BUFFER_TOO_SMALL, *atr_len = need, and no connection is left open. */
  onestop_status (*connect)(void* plugin, const char* reader_id, onestop_card** card, uint8_t* atr,
                            size_t* atr_len);
  /* *response_len: in the capacity of response (the host offers ONESTOP_TRANSMIT_RESPONSE_MIN),
     out the response length including SW1 SW2. */
  onestop_status (*transmit)(onestop_card* card, const uint8_t* command, size_t command_len,
                             uint8_t* response, size_t* response_len);
  /* Frees the connection, whatever the status. */
  onestop_status (*disconnect)(onestop_card* card, uint32_t disposition);
} onestop_reader_api;

/* ---- scanners ------------------------------------------------------------------------------- */
typedef struct onestop_scan_job onestop_scan_job;

#define ONESTOP_SCAN_MODE_COLOR 0x1u
#define ONESTOP_SCAN_MODE_GRAY 0x2u
#define ONESTOP_SCAN_MODE_LINEART 0x4u
#define ONESTOP_SCAN_SOURCE_FLATBED 0x1u
#define ONESTOP_SCAN_SOURCE_ADF 0x2u

typedef struct onestop_scanner_caps {
  uint32_t struct_size;
  uint32_t modes;   /* ONESTOP_SCAN_MODE_* bits */
  uint32_t sources; /* ONESTOP_SCAN_SOURCE_* bits */
  uint32_t resolutions[16];
  uint32_t resolution_count;
  uint32_t max_width_um; /* scan area in micrometres */
  uint32_t max_height_um;
} onestop_scanner_caps;

typedef struct onestop_scan_options {
  uint32_t struct_size;
  uint32_t mode;   /* one ONESTOP_SCAN_MODE_* */
  uint32_t source; /* one ONESTOP_SCAN_SOURCE_* */
  uint32_t resolution_dpi;
  uint32_t max_pages;                            /* 0 = until the source is empty */
  uint32_t left_um, top_um, width_um, height_um; /* width 0 = full area */
} onestop_scan_options;

typedef struct onestop_scan_page {
  uint32_t struct_size;
  char mime[64];       /* e.g. "image/png" */
  const uint8_t* data; /* owned by the plugin until release_page */
  size_t data_len;
  uint32_t width_px, height_px, resolution_dpi;
} onestop_scan_page;

/* Required: start, next_page, release_page, finish. Optional: capabilities, cancel.
   start: options must not be NULL; an empty feeder gives ONESTOP_E_NO_DOCUMENTS; faults are
   ONESTOP_E_JAMMED / ONESTOP_E_COVER_OPEN; a cancelled job's next_page gives ONESTOP_E_CANCELLED.
 */
typedef struct onestop_scanner_api {
  onestop_abi_header header;
  onestop_status (*capabilities)(void* plugin, const char* scanner_id, onestop_scanner_caps* out);
  onestop_status (*start)(void* plugin, const char* scanner_id, const onestop_scan_options* options,
                          onestop_scan_job** job);
  /* ONESTOP_E_NO_MORE_PAGES ends the job normally. */
  onestop_status (*next_page)(onestop_scan_job* job, onestop_scan_page* page);
  void (*release_page)(onestop_scan_job* job, onestop_scan_page* page);
  onestop_status (*cancel)(onestop_scan_job* job); /* may be called from another thread */
  void (*finish)(onestop_scan_job* job);           /* frees the job; always called last */
} onestop_scanner_api;

/* ---- printers ------------------------------------------------------------------------------- */
typedef struct onestop_printer_caps {
  uint32_t struct_size;
  uint8_t color;
  uint8_t duplex;
  uint8_t reserved[2];
  uint32_t max_copies;
} onestop_printer_caps;

typedef struct onestop_print_options {
  uint32_t struct_size;
  uint32_t copies;
  uint8_t duplex;
  uint8_t color;
  uint8_t reserved[2];
  const char* title; /* never citizen data: the host passes a case number or form code */
} onestop_print_options;

typedef enum onestop_print_state {
  ONESTOP_PRINT_PENDING = 1,
  ONESTOP_PRINT_PRINTING = 2,
  ONESTOP_PRINT_COMPLETED = 3,
  ONESTOP_PRINT_FAILED = 4,
  ONESTOP_PRINT_CANCELLED = 5
} onestop_print_state;

/* Required: submit, job_state. Optional: capabilities, cancel. A document that is not a PDF:
   ONESTOP_E_INVALID_ARGUMENT. Unknown job id: ONESTOP_E_INVALID_ARGUMENT. */
typedef struct onestop_printer_api {
  onestop_abi_header header;
  onestop_status (*capabilities)(void* plugin, const char* printer_id, onestop_printer_caps* out);
  /* job_id: caller buffer of job_id_cap bytes, receives a NUL-terminated id. */
  onestop_status (*submit)(void* plugin, const char* printer_id, const uint8_t* pdf, size_t pdf_len,
                           const onestop_print_options* options, char* job_id, size_t job_id_cap);
  onestop_status (*job_state)(void* plugin, const char* printer_id, const char* job_id,
                              uint32_t* state);
  onestop_status (*cancel)(void* plugin, const char* printer_id, const char* job_id);
} onestop_printer_api;

/* ---- the plugin ----------------------------------------------------------------------------- */
/* Required: id, init, shutdown, enumerate. Optional: control and the device-kind tables; a table is
   required for each kind the manifest declares. */
typedef struct onestop_plugin_api {
  onestop_abi_header header;
  const char* id; /* must equal the manifest's id */
  /* config_json: the plugin's section of the daemon config ("{}" when none). */
  onestop_status (*init)(const onestop_host_api* host, const char* config_json, void** plugin);
  void (*shutdown)(void* plugin);
  /* devices: caller array of *count entries; on success *count is the number written.
     devices == NULL asks for the count: ONESTOP_OK with *count set.
     A non-NULL array that is too small: ONESTOP_E_BUFFER_TOO_SMALL with *count set to the need,
     and nothing written past the array. count == NULL: ONESTOP_E_INVALID_ARGUMENT. */
  onestop_status (*enumerate)(void* plugin, onestop_device_info* devices, uint32_t* count);
  /* Optional vendor administration (e.g. the simulator's card insert). JSON in, JSON out.
     *response_len: in the capacity of response_json (the host offers ONESTOP_CONTROL_RESPONSE_MIN),
     out the length of the NUL-terminated text written, without the NUL. On failure the plugin may
     still write a JSON error text, e.g. {"error":"unknown command"}. ONESTOP_E_BUFFER_TOO_SMALL
     sets *response_len to the capacity needed, including the NUL. Malformed request:
     INVALID_ARGUMENT. */
  onestop_status (*control)(void* plugin, const char* request_json, char* response_json,
                            size_t* response_len);
  const onestop_reader_api* reader;   /* NULL: the plugin has no readers */
  const onestop_scanner_api* scanner; /* NULL: no scanners */
  const onestop_printer_api* printer; /* NULL: no printers */
} onestop_plugin_api;

/* The host passes its ABI version; a plugin may return NULL if it cannot serve that host. */
typedef const onestop_plugin_api* (*onestop_plugin_entry_fn)(uint16_t host_abi_major,
                                                             uint16_t host_abi_minor);

/* The one export. Declared here so that a plugin's definition is checked against the type; the
   host never links against it, it looks it up by name. It must not throw. */
ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(uint16_t host_abi_major,
                                                                     uint16_t host_abi_minor);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ONESTOP_PLUGIN_H */
