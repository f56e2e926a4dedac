// onestop device plugin SDK — C++ helper over the C ABI in onestop/plugin.h.
//
// A vendor writes one class that derives from onestop::sdk::Plugin and from one mixin per device
// kind it serves (ReaderPlugin, ScannerPlugin, PrinterPlugin), with a constructor
// `MyPlugin(onestop::sdk::Host host, std::string_view configJson)`, and then writes
//
//     ONESTOP_DECLARE_PLUGIN(MyPlugin, "my-plugin-id")
//
// in exactly one .cpp file. The macro defines the exported `onestop_plugin_entry`; this header
// builds the function tables, checks arguments the ABI forbids (NULL pointers →
// ONESTOP_E_INVALID_ARGUMENT), handles caller buffers and struct_size rules, and catches every
// exception at the boundary: StatusError becomes its status, anything else ONESTOP_E_INTERNAL
// (logged through the host without any data but the exception text — keep citizen data out of
// exception messages).
//
// Threading is as in plugin.h: one thread at a time per device, enumerate/control serialized with
// each other, ScanJob::cancel from any thread, Host::emit/log from any thread until shutdown.
// Header-only, C++20, no dependencies beyond the standard library.
//
// The classes are in onestop/sdk/plugin_base.hpp, the table builders and ONESTOP_DECLARE_PLUGIN in
// onestop/sdk/plugin_tables.hpp; include this header.
#pragma once

#include "onestop/sdk/plugin_base.hpp"
#include "onestop/sdk/plugin_tables.hpp"
