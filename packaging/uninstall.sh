#!/bin/sh
# Removes what install.sh wrote, as listed in ~/.local/share/io.github.kneemap.KneeMap/installed-files: the files,
# then the directories it created (when nothing else is in them), and the desktop caches it caused. Your KneeMap
# data (~/.local/share/kneemap: plans, logs, runs) is kept; delete that folder yourself if you want it gone.
#   ./uninstall.sh            (PREFIX=/some/dir ./uninstall.sh for a copy installed there)
set -eu

APP_ID=io.github.kneemap.KneeMap
prefix=${PREFIX:-"$HOME/.local"}
share="$prefix/share"
manifest="$share/$APP_ID/installed-files"

if [ ! -f "$manifest" ]; then
  echo "No KneeMap installed by install.sh in $prefix (no $manifest)." >&2
  exit 1
fi
# Read the whole list first: the manifest and this script are among the files removed.
files=$(sed -n 's/^file //p' "$manifest")
dirs=$(sed -n 's/^dir //p' "$manifest" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-)

echo "$files" | while IFS= read -r path; do
  [ -n "$path" ] && rm -f "$path" && echo "removed $path"
done

# Caches the desktop tools wrote: rebuilt where other entries remain, removed where KneeMap's were the only ones.
mime_dir="$share/mime"
if [ -d "$mime_dir" ]; then
  if [ -n "$(ls -A "$mime_dir/packages" 2>/dev/null)" ]; then
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$mime_dir" || true
  elif echo "$dirs" | grep -qx "$mime_dir"; then
    rm -rf "$mime_dir" && echo "removed $mime_dir (only KneeMap's file type was in it)"
  fi
fi
apps_dir="$share/applications"
if [ -d "$apps_dir" ]; then
  if ls "$apps_dir"/*.desktop >/dev/null 2>&1; then
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps_dir" || true; fi
  elif echo "$dirs" | grep -qx "$apps_dir"; then
    rm -f "$apps_dir/mimeinfo.cache"
  fi
fi

removed_dirs=0
saved_ifs=$IFS
IFS='
'
set -f # one path a line, taken as it is
for dir in $dirs; do
  if [ -d "$dir" ] && rmdir "$dir" 2>/dev/null; then removed_dirs=$((removed_dirs + 1)); fi
done
set +f
IFS=$saved_ifs
[ "$removed_dirs" = 0 ] || echo "removed $removed_dirs empty folder(s) that install.sh had made"
echo "KneeMap is uninstalled from $prefix. Your data in ${XDG_DATA_HOME:-$HOME/.local/share}/kneemap is kept."
