#!/bin/sh
# /usr/bin/express-report: the package's command on its private Node.js runtime (docs/install.md). Without
# --config-dir / --state-dir or the variables, it works on the system service's folders, so `sudo express-report ...`
# changes what the installed service runs on.
: "${EXPRESS_REPORT_CONFIG_DIR:=/etc/express-report}"
: "${EXPRESS_REPORT_STATE_DIR:=/var/lib/express-report}"
export EXPRESS_REPORT_CONFIG_DIR EXPRESS_REPORT_STATE_DIR
exec /usr/lib/express-report/runtime/node /usr/lib/express-report/bin/express-report.mjs "$@"
