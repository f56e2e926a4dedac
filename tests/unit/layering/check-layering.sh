#!/usr/bin/env bash
# Fails when a component includes what its layer must not know (docs/architecture.md):
# api and common know no Poco and no sockets; plugins know no Poco; transport knows no cards.
set -u
root=${1:?usage: check-layering.sh <source root>}
status=0
forbid() {  # forbid <folder> <regex> <why>
  local hits
  hits=$(grep -rnE "$2" "$root/$1" --include='*.cpp' --include='*.hpp' --include='*.h' 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "FAIL $1: $3"
    echo "$hits"
    status=1
  else
    echo "ok   $1: $3"
  fi
}
forbid host/common '#include *[<"](Poco/|sys/socket|netinet/)' "no Poco, no sockets"
forbid host/api '#include *[<"](Poco/|sys/socket|netinet/)' "no Poco, no sockets"
forbid host/api '#include *"onestop/(transport|daemon)/' "does not reach up to transport or daemon"
forbid host/plugins '#include *[<"](Poco/|sys/socket|netinet/)' "no Poco, no sockets"
forbid host/emrtd '#include *[<"](Poco/|sys/socket|netinet/|onestop/(plugins|api|transport)/)' "pure ICAO 9303: no Poco, sockets, plugins or API"
forbid host/cccd '#include *[<"](Poco/|sys/socket|netinet/|onestop/(plugins|api|transport)/)' "pure Vietnamese card rules: no Poco, sockets, plugins or API"
forbid host/transport '#include *"onestop/(plugins|emrtd|cccd|workflows)/' "knows nothing of devices or cards"
forbid host/forms '#include *[<"](Poco/|sys/socket|netinet/|onestop/(plugins|api|transport|store|procedures)/)' "pure rendering"
forbid host/procedures '#include *[<"](sys/socket|netinet/|onestop/(plugins|api|transport|store|forms)/)' "the Lua engine knows no devices, API, storage or forms"
exit $status
