/*
 * Compile-time guards on the layout of every struct in onestop/plugin.h (ABI 1.x).
 *
 * The numbers are those of the LP64 data model (x86_64, aarch64 Linux and macOS) and of Win64,
 * whose layouts coincide because the ABI uses only fixed-width integers, size_t and pointers.
 * A change that moves a field or resizes a struct fails the build of the host, of the C++ helper
 * and of the SDK example instead of breaking plugins built by vendors. Appending a field in a minor
 * release means updating the size line here, never an offset line.
 *
 * Usable from C11 and C++11.
 */
#ifndef ONESTOP_PLUGIN_LAYOUT_H
#define ONESTOP_PLUGIN_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "onestop/plugin.h"

#if defined(__cplusplus)
#define ONESTOP_LAYOUT_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define ONESTOP_LAYOUT_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

#define ONESTOP_ASSERT_SIZE(type, size) \
  ONESTOP_LAYOUT_ASSERT(sizeof(type) == (size), "ABI: sizeof(" #type ") changed")
#define ONESTOP_ASSERT_OFFSET(type, field, offset)         \
  ONESTOP_LAYOUT_ASSERT(offsetof(type, field) == (offset), \
                        "ABI: offset of " #type "." #field " changed")

#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu && SIZE_MAX == 0xFFFFFFFFFFFFFFFFu

ONESTOP_ASSERT_SIZE(onestop_abi_header, 8);
ONESTOP_ASSERT_OFFSET(onestop_abi_header, abi_major, 0);
ONESTOP_ASSERT_OFFSET(onestop_abi_header, abi_minor, 2);
ONESTOP_ASSERT_OFFSET(onestop_abi_header, struct_size, 4);

ONESTOP_ASSERT_SIZE(onestop_event, 40);
ONESTOP_ASSERT_OFFSET(onestop_event, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_event, kind, 4);
ONESTOP_ASSERT_OFFSET(onestop_event, device_kind, 8);
ONESTOP_ASSERT_OFFSET(onestop_event, device_id, 16);
ONESTOP_ASSERT_OFFSET(onestop_event, data, 24);
ONESTOP_ASSERT_OFFSET(onestop_event, data_len, 32);

ONESTOP_ASSERT_SIZE(onestop_host_api, 32);
ONESTOP_ASSERT_OFFSET(onestop_host_api, header, 0);
ONESTOP_ASSERT_OFFSET(onestop_host_api, host_context, 8);
ONESTOP_ASSERT_OFFSET(onestop_host_api, log, 16);
ONESTOP_ASSERT_OFFSET(onestop_host_api, emit, 24);

ONESTOP_ASSERT_SIZE(onestop_device_info, 392);
ONESTOP_ASSERT_OFFSET(onestop_device_info, kind, 0);
ONESTOP_ASSERT_OFFSET(onestop_device_info, flags, 4);
ONESTOP_ASSERT_OFFSET(onestop_device_info, id, 8);
ONESTOP_ASSERT_OFFSET(onestop_device_info, name, 136);

ONESTOP_ASSERT_SIZE(onestop_reader_features, 16);
ONESTOP_ASSERT_OFFSET(onestop_reader_features, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_reader_features, max_command_apdu, 4);
ONESTOP_ASSERT_OFFSET(onestop_reader_features, max_response_apdu, 8);
ONESTOP_ASSERT_OFFSET(onestop_reader_features, extended_length, 12);
ONESTOP_ASSERT_OFFSET(onestop_reader_features, pin_pad, 13);
ONESTOP_ASSERT_OFFSET(onestop_reader_features, reserved, 14);

ONESTOP_ASSERT_SIZE(onestop_reader_api, 40);
ONESTOP_ASSERT_OFFSET(onestop_reader_api, header, 0);
ONESTOP_ASSERT_OFFSET(onestop_reader_api, features, 8);
ONESTOP_ASSERT_OFFSET(onestop_reader_api, connect, 16);
ONESTOP_ASSERT_OFFSET(onestop_reader_api, transmit, 24);
ONESTOP_ASSERT_OFFSET(onestop_reader_api, disconnect, 32);

ONESTOP_ASSERT_SIZE(onestop_scanner_caps, 88);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, modes, 4);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, sources, 8);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, resolutions, 12);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, resolution_count, 76);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, max_width_um, 80);
ONESTOP_ASSERT_OFFSET(onestop_scanner_caps, max_height_um, 84);

ONESTOP_ASSERT_SIZE(onestop_scan_options, 36);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, mode, 4);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, source, 8);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, resolution_dpi, 12);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, max_pages, 16);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, left_um, 20);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, top_um, 24);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, width_um, 28);
ONESTOP_ASSERT_OFFSET(onestop_scan_options, height_um, 32);

ONESTOP_ASSERT_SIZE(onestop_scan_page, 104);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, mime, 4);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, data, 72);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, data_len, 80);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, width_px, 88);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, height_px, 92);
ONESTOP_ASSERT_OFFSET(onestop_scan_page, resolution_dpi, 96);

ONESTOP_ASSERT_SIZE(onestop_scanner_api, 56);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, header, 0);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, capabilities, 8);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, start, 16);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, next_page, 24);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, release_page, 32);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, cancel, 40);
ONESTOP_ASSERT_OFFSET(onestop_scanner_api, finish, 48);

ONESTOP_ASSERT_SIZE(onestop_printer_caps, 12);
ONESTOP_ASSERT_OFFSET(onestop_printer_caps, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_printer_caps, color, 4);
ONESTOP_ASSERT_OFFSET(onestop_printer_caps, duplex, 5);
ONESTOP_ASSERT_OFFSET(onestop_printer_caps, reserved, 6);
ONESTOP_ASSERT_OFFSET(onestop_printer_caps, max_copies, 8);

ONESTOP_ASSERT_SIZE(onestop_print_options, 24);
ONESTOP_ASSERT_OFFSET(onestop_print_options, struct_size, 0);
ONESTOP_ASSERT_OFFSET(onestop_print_options, copies, 4);
ONESTOP_ASSERT_OFFSET(onestop_print_options, duplex, 8);
ONESTOP_ASSERT_OFFSET(onestop_print_options, color, 9);
ONESTOP_ASSERT_OFFSET(onestop_print_options, reserved, 10);
ONESTOP_ASSERT_OFFSET(onestop_print_options, title, 16);

ONESTOP_ASSERT_SIZE(onestop_printer_api, 40);
ONESTOP_ASSERT_OFFSET(onestop_printer_api, header, 0);
ONESTOP_ASSERT_OFFSET(onestop_printer_api, capabilities, 8);
ONESTOP_ASSERT_OFFSET(onestop_printer_api, submit, 16);
ONESTOP_ASSERT_OFFSET(onestop_printer_api, job_state, 24);
ONESTOP_ASSERT_OFFSET(onestop_printer_api, cancel, 32);

ONESTOP_ASSERT_SIZE(onestop_plugin_api, 72);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, header, 0);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, id, 8);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, init, 16);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, shutdown, 24);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, enumerate, 32);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, control, 40);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, reader, 48);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, scanner, 56);
ONESTOP_ASSERT_OFFSET(onestop_plugin_api, printer, 64);

#endif /* 64-bit data model */

/* The oldest tables a 1.x host accepts: everything up to and including the last required field.
   Fields after these were (or will be) appended by minor releases and are read only when the
   producer's struct_size covers them. */
#define ONESTOP_PLUGIN_API_MIN_SIZE (offsetof(onestop_plugin_api, enumerate) + sizeof(void*))
#define ONESTOP_READER_API_MIN_SIZE (offsetof(onestop_reader_api, disconnect) + sizeof(void*))
#define ONESTOP_SCANNER_API_MIN_SIZE (offsetof(onestop_scanner_api, finish) + sizeof(void*))
#define ONESTOP_PRINTER_API_MIN_SIZE (offsetof(onestop_printer_api, job_state) + sizeof(void*))
#define ONESTOP_HOST_API_MIN_SIZE (offsetof(onestop_host_api, emit) + sizeof(void*))
#define ONESTOP_EVENT_MIN_SIZE (offsetof(onestop_event, data_len) + sizeof(size_t))

#endif /* ONESTOP_PLUGIN_LAYOUT_H */
