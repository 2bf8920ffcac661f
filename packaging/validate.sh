#!/usr/bin/env bash
# Quick checks (seconds) of the desktop integration files in packaging/, run by scripts/check.sh and so by CI:
#   - the .desktop file passes desktop-file-validate;
#   - the AppStream metainfo passes appstreamcli validate --no-net;
#   - the shared-mime-info entry is well-formed XML (xmllint), loads into a MIME database (update-mime-database),
#     and GIO then names a plan file application/x-kneemap-plan by its extension and by its content;
#   - the app id, the version and the release dates agree between Cargo.toml, src/app/desktop.rs, CHANGELOG.md, the
#     metainfo and the desktop file, and every icon size the packages install exists.
# Tools: desktop-file-utils, appstream, libxml2-utils, shared-mime-info, libglib2.0-bin (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=io.github.kneemap.KneeMap
missing=()
for tool in desktop-file-validate appstreamcli xmllint update-mime-database gio python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "packaging/validate.sh: missing ${missing[*]}; on Debian:" >&2
  echo "  apt-get install desktop-file-utils appstream libxml2-utils shared-mime-info libglib2.0-bin" >&2
  exit 1
fi

echo "desktop-file-validate packaging/$APP_ID.desktop"
desktop-file-validate "packaging/$APP_ID.desktop"

echo "appstreamcli validate --no-net packaging/$APP_ID.metainfo.xml"
appstreamcli validate --no-net "packaging/$APP_ID.metainfo.xml"

echo "xmllint --noout packaging/$APP_ID.mime.xml"
xmllint --noout "packaging/$APP_ID.mime.xml"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/mime/packages"
cp "packaging/$APP_ID.mime.xml" "$scratch/mime/packages/$APP_ID.xml"
XDG_DATA_HOME="$scratch" XDG_DATA_DIRS="$scratch:/usr/share" update-mime-database "$scratch/mime"
printf '(\n    format: "kneemap-plan",\n    version: 1,\n)\n' > "$scratch/shared.kneemap-plan"
cp "$scratch/shared.kneemap-plan" "$scratch/no-extension"
for sample in shared.kneemap-plan no-extension; do
  type=$(XDG_DATA_HOME="$scratch" XDG_DATA_DIRS="$scratch:/usr/share" \
    gio info -a standard::content-type "$scratch/$sample" 2>/dev/null | sed -n 's/.*standard::content-type: //p')
  if [ "$type" != application/x-kneemap-plan ]; then
    echo "MIME entry: $sample is '$type', not application/x-kneemap-plan" >&2
    exit 1
  fi
  echo "  $sample: $type"
done

python3 - "$APP_ID" <<'EOF'
"""The same id, version and releases everywhere, and every installed icon present."""
import pathlib
import re
import sys
import tomllib
import xml.etree.ElementTree as ET

app_id = sys.argv[1]
problems = []
cargo = tomllib.loads(pathlib.Path("Cargo.toml").read_text())
version = cargo["package"]["version"]

desktop_rs = pathlib.Path("src/app/desktop.rs").read_text()
if f'pub const APP_ID: &str = "{app_id}";' not in desktop_rs:
    problems.append(f"src/app/desktop.rs: APP_ID is not {app_id}")

entry = pathlib.Path(f"packaging/{app_id}.desktop").read_text()
for key, want in [("Icon", app_id), ("StartupWMClass", app_id), ("Exec", "kneemap %F")]:
    if f"\n{key}={want}\n" not in entry:
        problems.append(f"packaging/{app_id}.desktop: {key} is not {want}")

meta = ET.parse(f"packaging/{app_id}.metainfo.xml").getroot()
if meta.findtext("id") != app_id:
    problems.append(f"metainfo: <id> is not {app_id}")
if meta.findtext("launchable") != f"{app_id}.desktop":
    problems.append("metainfo: <launchable> does not name the desktop file")
releases = [(r.get("version"), r.get("date")) for r in meta.iter("release")]

changelog = pathlib.Path("CHANGELOG.md").read_text()
logged = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.M)
if releases != logged:
    problems.append(f"metainfo releases {releases} do not follow CHANGELOG.md {logged}")
if not logged or logged[0][0] != version:
    problems.append(f"CHANGELOG.md's newest release is not Cargo.toml's version {version}")

for source, _dest, _mode in cargo["package"]["metadata"]["deb"]["assets"]:
    if source.startswith(("assets/", "packaging/")) and not pathlib.Path(source).is_file():
        problems.append(f"Cargo.toml [package.metadata.deb]: asset {source} does not exist")

for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"  {app_id} {version}: ids, releases ({len(logged)}) and icon files agree")
EOF
echo "packaging files OK"
