#!/bin/sh
# Installs KneeMap for you alone, without root: the program into ~/.local/bin, its menu entry, icons, AppStream
# metainfo and the .kneemap-plan file type under ~/.local/share. Run it from the unpacked archive:
#   ./install.sh            (PREFIX=/some/dir ./install.sh to install elsewhere)
# Every file it writes is listed in ~/.local/share/io.github.kneemap.KneeMap/installed-files, which
# ./uninstall.sh (also copied there) reads to remove exactly those files. Your KneeMap data
# (~/.local/share/kneemap) is neither written nor removed by either script.
set -eu

APP_ID=io.github.kneemap.KneeMap
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
bin_dir="$prefix/bin"
share="$prefix/share"
state_dir="$share/$APP_ID"
manifest="$state_dir/installed-files"

if [ "$(id -u)" = 0 ] && [ -z "${PREFIX:-}" ]; then
  echo "install.sh installs for one user; run it as that user (for everyone, use the .deb)." >&2
  exit 1
fi
if [ -f "$manifest" ]; then
  echo "KneeMap is already installed in $prefix; removing that copy first."
  sh "$state_dir/uninstall.sh"
fi

list=$(mktemp)
trap 'rm -f "$list"' EXIT

# Directories this script creates are listed too, so that uninstall.sh can remove them again when empty.
make_dir() {
  if [ ! -d "$1" ]; then
    make_dir "$(dirname "$1")"
    mkdir "$1"
    echo "dir $1" >> "$list"
  fi
}

# put MODE SOURCE TARGET: copies one file (replacing it in one step) and lists it.
put() {
  make_dir "$(dirname "$3")"
  cp "$2" "$3.kneemap-new"
  chmod "$1" "$3.kneemap-new"
  mv -f "$3.kneemap-new" "$3"
  echo "file $3" >> "$list"
}

make_dir "$state_dir"
put 755 "$here/kneemap" "$bin_dir/kneemap"
# The menu entry runs the program by its full path: ~/.local/bin is not on every desktop session's PATH.
entry=$(mktemp)
sed -e "s|^Exec=kneemap |Exec=\"$bin_dir/kneemap\" |" -e "s|^TryExec=kneemap\$|TryExec=$bin_dir/kneemap|" \
  "$here/share/applications/$APP_ID.desktop" > "$entry"
put 644 "$entry" "$share/applications/$APP_ID.desktop"
rm -f "$entry"
for icon in "$here"/share/icons/hicolor/*/apps/$APP_ID.png; do
  size_dir=$(basename "$(dirname "$(dirname "$icon")")")
  put 644 "$icon" "$share/icons/hicolor/$size_dir/apps/$APP_ID.png"
done
put 644 "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
put 644 "$here/share/mime/packages/$APP_ID.xml" "$share/mime/packages/$APP_ID.xml"
put 755 "$here/uninstall.sh" "$state_dir/uninstall.sh"

# The caches the desktop reads, where the tools exist; uninstall.sh removes what they leave once nothing else
# needs them.
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$share/mime" || echo "note: update-mime-database failed; .kneemap-plan files may not be recognised"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$share/applications" || true
fi
echo "file $manifest" >> "$list"
cp "$list" "$manifest"

echo "Installed KneeMap $(cat "$here/VERSION") into $prefix:"
sed -n 's/^file //p' "$manifest" | sed 's/^/  /'
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "Note: $bin_dir is not on your PATH; the menu entry works anyway, or run $bin_dir/kneemap." ;;
esac
echo "To remove it: $state_dir/uninstall.sh"
