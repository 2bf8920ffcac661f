#!/usr/bin/env bash
# Builds KneeMap's packages into target/dist/ from one command, on Debian 12 (or a Debian-based system) as root:
#   kneemap_VERSION-1_amd64.deb                 cargo-deb; Depends name every library eframe opens at run time
#   kneemap-VERSION-x86_64-linux.tar.gz         portable: binary, desktop file, icons, metainfo, MIME entry, README,
#                                               licences, install.sh / uninstall.sh for one user (~/.local, no root)
#   kneemap-VERSION-x86_64-windows.zip          cross-built for x86_64-pc-windows-gnu with mingw-w64, icon embedded
#   SHA256SUMS                                  sha256sum of the three
# The binaries are stripped. What a fresh machine lacks (cargo-deb, mingw-w64, the Rust target, the tools below) is
# installed first, and each install is announced.
#
#   scripts/package.sh            build the three packages
#   scripts/package.sh --verify   build, then prove them on clean systems:
#       lintian on the .deb (no errors allowed); a minimal Debian 12 root (debootstrap --variant=minbase) installs
#       the .deb with apt-get (Recommends left out, so the Depends alone must be enough), and the installed
#       /usr/bin/kneemap opens its window under Xvfb and draws the map (screenshot, window class and icon checked);
#       the tarball's install.sh works for a non-root user in that root and uninstall.sh removes every file it
#       wrote; under Wine the Windows .exe runs --check-content and `data path` and exits 0.
#       Screenshots and logs go to target/verify/.
# Needs the network only for Debian's and crates.io's packages (apt, cargo install, debootstrap).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)

verify=no
for arg in "$@"; do
  case "$arg" in
    --verify) verify=yes ;;
    -h | --help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

APP_ID=io.github.kneemap.KneeMap
WINDOWS_TARGET=x86_64-pc-windows-gnu
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
target_dir=${CARGO_TARGET_DIR:-"$root_dir/target"}
# Fixed paths: Cargo.toml's [package.metadata.deb] names target/dist/ files (licences, Debian changelog).
dist="$root_dir/target/dist"
verify_dir="$root_dir/target/verify"
started=$(date +%s)

say() { printf '\n== %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - started )) s"; }
timed() { # timed LABEL COMMAND...: runs it and prints how long it took
  local label=$1 t0
  shift
  t0=$(date +%s)
  "$@"
  echo "   ($label: $(( $(date +%s) - t0 )) s)"
}

# ---------------------------------------------------------------------------------------------- prerequisites
apt_updated=no
need_apt() { # need_apt COMMAND|/PATH PACKAGE: installs PACKAGE from Debian when the command (or file) is missing
  local present=no
  case "$1" in
    /*) [ -e "$1" ] && present=yes ;;
    *) command -v "$1" >/dev/null 2>&1 && present=yes ;;
  esac
  dpkg-query -W -f='${Status}' "$2" 2>/dev/null | grep -q 'install ok installed' && present=yes
  if [ "$present" = no ]; then
    if [ "$apt_updated" = no ]; then
      echo "installing from Debian: apt-get update"
      apt-get update -qq
      apt_updated=yes
    fi
    echo "installing from Debian: $2 (for $1)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
}

say "Prerequisites"
need_apt x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
need_apt x86_64-w64-mingw32-windres binutils-mingw-w64-x86-64
need_apt strip binutils
# The sound cues' cpal links ALSA: its headers and pkg-config for the Linux build.
need_apt pkg-config pkg-config
need_apt /usr/include/alsa/asoundlib.h libasound2-dev
need_apt python3 python3
need_apt sha256sum coreutils
need_apt update-mime-database shared-mime-info
if [ "$verify" = yes ]; then
  need_apt lintian lintian
  need_apt debootstrap debootstrap
  need_apt Xvfb xvfb
  need_apt import imagemagick
  need_apt xdotool xdotool
  need_apt xprop x11-utils
  need_apt wine wine
  need_apt wine64 wine64
  need_apt wrestool icoutils
  need_apt /usr/lib/python3/dist-packages/xdg/IconTheme.py python3-xdg
  need_apt file file
  need_apt fc-match fontconfig
  need_apt /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
fi
if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
  echo "installing the Rust target: rustup target add $WINDOWS_TARGET"
  rustup target add "$WINDOWS_TARGET"
fi
if ! cargo deb --version >/dev/null 2>&1; then
  echo "installing cargo-deb (Debian does not package it): cargo install cargo-deb --locked (a few minutes)"
  cargo install cargo-deb --locked
fi
echo "cargo $(cargo --version | cut -d' ' -f2), $(cargo deb --version), $(x86_64-w64-mingw32-gcc --version | head -1)"

version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml", "rb"))["package"]["version"])')
linux_name="kneemap-$version-x86_64-linux"
windows_name="kneemap-$version-x86_64-windows"
rm -rf "$dist"
mkdir -p "$dist"

# ---------------------------------------------------------------------------------------------- builds
say "Linux release build (cargo build --release --locked)"
timed "linux build" cargo build --release --locked
linux_bin="$target_dir/release/kneemap"
say "Windows cross build (cargo build --release --locked --target $WINDOWS_TARGET)"
timed "windows build" cargo build --release --locked --target "$WINDOWS_TARGET"
windows_exe="$target_dir/$WINDOWS_TARGET/release/kneemap.exe"

# Licences of what the binaries contain: KneeMap's, the bundled fonts' and every compiled-in crate's.
say "Licences"
mkdir -p "$dist/licences"
fonts_dir=$(cargo metadata --format-version 1 --locked | python3 -c '
import json, os, sys
meta = json.load(sys.stdin)
print(next(os.path.dirname(p["manifest_path"]) for p in meta["packages"] if p["name"] == "epaint_default_fonts"))')/fonts
cp "$fonts_dir/UFL.txt" "$dist/licences/font-Ubuntu-UFL-1.0.txt"
cp "$fonts_dir/OFL.txt" "$dist/licences/font-NotoEmoji-OFL-1.1.txt"
cp "$fonts_dir/Hack-Regular.txt" "$dist/licences/font-Hack.txt"
cp "$fonts_dir/emoji-icon-font-mit-license.txt" "$dist/licences/font-emoji-icon-font-MIT.txt"
for target in x86_64-unknown-linux-gnu "$WINDOWS_TARGET"; do
  cargo metadata --format-version 1 --locked --filter-platform "$target"
done | python3 -c '
import json, sys
decoder, text, crates = json.JSONDecoder(), sys.stdin.read(), {}
position = 0
while position < len(text.strip()):
    meta, end = decoder.raw_decode(text, position)
    position = end + 1
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    # Only what the kneemap binary links: normal dependencies, not build or dev ones.
    todo, seen = [meta["resolve"]["root"]], set()
    while todo:
        node = nodes[todo.pop()]
        if node["id"] in seen:
            continue
        seen.add(node["id"])
        for dep in node["deps"]:
            if any(kind["kind"] is None for kind in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    for pid in seen:
        p = packages[pid]
        crates[(p["name"], p["version"])] = p.get("license") or "see its licence file"
print("Rust crates compiled into KneeMap (Linux and Windows builds), with their licences as their authors")
print("declare them. The licence texts are in each crate at https://crates.io/crates/NAME/VERSION.\n")
for (name, version), licence in sorted(crates.items()):
    print(f"{name} {version}: {licence}")
' > "$dist/licences/THIRD-PARTY.txt"
echo "$(($(wc -l < "$dist/licences/THIRD-PARTY.txt") - 3)) crates listed in licences/THIRD-PARTY.txt; font licences copied"

# ---------------------------------------------------------------------------------------------- .deb
say "Debian package (cargo deb --no-build)"
# Debian wants its own changelog format (lintian: no-changelog is an error); it is made from CHANGELOG.md.
maintainer=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml", "rb"))["package"]["metadata"]["deb"]["maintainer"])')
python3 - "$maintainer" > "$dist/debian-changelog" <<'EOF'
"""CHANGELOG.md (Keep a Changelog) as a Debian changelog, newest release first."""
import datetime, re, sys, textwrap
maintainer = sys.argv[1]
text = open("CHANGELOG.md").read()
releases = re.split(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.M)[1:]
for version, date, body in zip(releases[0::3], releases[1::3], releases[2::3]):
    body = body.split("\n[", 1)[0]
    items = re.findall(r"^- (.+(?:\n  .+)*)", body, flags=re.M)
    print(f"kneemap ({version}-1) unstable; urgency=medium\n")
    for item in items:
        words = " ".join(item.split()).replace("`", "")
        print(textwrap.fill(words, 78, initial_indent="  * ", subsequent_indent="    ",
                        break_on_hyphens=False))
    day = datetime.datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
    print(f"\n -- {maintainer}  {day.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n")
EOF
echo "target/dist/debian-changelog: $(grep -c '^kneemap (' "$dist/debian-changelog") releases from CHANGELOG.md"
timed "cargo deb" cargo deb --no-build --locked --output "$dist/"
deb=$(ls "$dist"/kneemap_*.deb)

# ---------------------------------------------------------------------------------------------- tarball
say "Portable Linux archive"
stage="$dist/stage/$linux_name"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/mime/packages" "$stage/licences"
cp "$linux_bin" "$stage/kneemap"
strip --strip-all "$stage/kneemap"
echo "$version" > "$stage/VERSION"
cp README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$stage/"
cp "$dist"/licences/* "$stage/licences/"
cp "packaging/$APP_ID.desktop" "$stage/share/applications/"
cp "packaging/$APP_ID.metainfo.xml" "$stage/share/metainfo/"
cp "packaging/$APP_ID.mime.xml" "$stage/share/mime/packages/$APP_ID.xml"
for png in assets/icon/kneemap-*.png; do
  size=$(basename "$png" .png | sed 's/kneemap-//')
  mkdir -p "$stage/share/icons/hicolor/${size}x$size/apps"
  cp "$png" "$stage/share/icons/hicolor/${size}x$size/apps/$APP_ID.png"
done
mkdir -p "$stage/share/icons/hicolor/scalable/apps"
cp assets/icon/kneemap.svg "$stage/share/icons/hicolor/scalable/apps/$APP_ID.svg"
install -m 755 packaging/install.sh packaging/uninstall.sh "$stage/"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
  -C "$dist/stage" -cf - "$linux_name" | gzip -9n > "$dist/$linux_name.tar.gz"

# ---------------------------------------------------------------------------------------------- Windows zip
say "Windows zip"
wstage="$dist/stage/$windows_name"
mkdir -p "$wstage/licences"
cp "$windows_exe" "$wstage/kneemap.exe"
x86_64-w64-mingw32-strip --strip-all "$wstage/kneemap.exe"
cp README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$wstage/"
cp "$dist"/licences/* "$wstage/licences/"
(cd "$dist/stage" && python3 - "$windows_name" "$dist/$windows_name.zip" <<'EOF'
import os, sys, zipfile
folder, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            z.write(os.path.join(base, name))
EOF
)
stripped_linux=$(stat -c %s "$stage/kneemap")
stripped_exe=$(stat -c %s "$wstage/kneemap.exe")
rm -rf "$dist/stage"

say "Checksums"
(cd "$dist" && sha256sum "$(basename "$deb")" "$linux_name.tar.gz" "$windows_name.zip" > SHA256SUMS && cat SHA256SUMS)

say "Sizes"
printf '%-44s %12s\n' "unstripped release binary (target/release)" "$(stat -c %s "$linux_bin") B"
printf '%-44s %12s\n' "unstripped Windows .exe" "$(stat -c %s "$windows_exe") B"
printf '%-44s %12s\n' "stripped kneemap (archive; the .deb's too)" "$stripped_linux B"
printf '%-44s %12s\n' "stripped kneemap.exe (zip)" "$stripped_exe B"
for f in "$deb" "$dist/$linux_name.tar.gz" "$dist/$windows_name.zip"; do
  printf '%-44s %12s\n' "$(basename "$f")" "$(stat -c %s "$f") B"
done
echo "packages built in $(elapsed)"

[ "$verify" = yes ] || exit 0

# ================================================================================================= --verify
rm -rf "$verify_dir"
mkdir -p "$verify_dir"
failures=0
check() { # check DESCRIPTION COMMAND...: runs a verification and counts a failure
  local what=$1
  shift
  if "$@"; then echo "   PASS: $what"; else echo "   FAIL: $what"; failures=$((failures + 1)); fi
}

say "lintian $(basename "$deb")"
lintian --version
lintian --info --display-info "$deb" > "$verify_dir/lintian.txt" 2>&1 || true
cat "$verify_dir/lintian.txt"
check "lintian reports no errors" bash -c "! grep -q '^E: ' '$verify_dir/lintian.txt'"

say "A clean Debian 12 root (debootstrap --variant=minbase $DEBIAN_SUITE)"
chroot_dir="$verify_dir/debian12"
mounted=()
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
timed "debootstrap" debootstrap --variant=minbase "$DEBIAN_SUITE" "$chroot_dir" "$DEBIAN_MIRROR" \
  > "$verify_dir/debootstrap.log" 2>&1
echo "   $(du -sh "$chroot_dir" | cut -f1) root; $(chroot "$chroot_dir" dpkg-query -W | wc -l) packages"
for m in proc sys dev dev/pts; do
  mount --bind "/$m" "$chroot_dir/$m"
  mounted+=("$chroot_dir/$m")
done
mkdir -p /tmp/.X11-unix "$chroot_dir/tmp/.X11-unix"
chmod 1777 /tmp/.X11-unix
mount --bind /tmp/.X11-unix "$chroot_dir/tmp/.X11-unix"
mounted+=("$chroot_dir/tmp/.X11-unix")
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
in_root() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

say "apt-get install ./$(basename "$deb") in the clean root (no Recommends: the Depends must be enough)"
cp "$deb" "$chroot_dir/tmp/"
in_root apt-get update -qq
timed "apt-get install" in_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "/tmp/$(basename "$deb")" > "$verify_dir/apt-install.log" 2>&1
grep -E '^(Setting up kneemap|[0-9]+ upgraded)' "$verify_dir/apt-install.log"
in_root dpkg-query -W -f='   installed ${Package} ${Version}, ${Installed-Size} KiB\n   Depends: ${Depends}\n   Recommends: ${Recommends}\n' kneemap
check "/usr/bin/kneemap --version" in_root /usr/bin/kneemap --version
check "/usr/bin/kneemap --check-content" in_root /usr/bin/kneemap --check-content
for f in /usr/bin/kneemap "/usr/share/applications/$APP_ID.desktop" "/usr/share/metainfo/$APP_ID.metainfo.xml" \
  "/usr/share/mime/packages/$APP_ID.xml" "/usr/share/icons/hicolor/48x48/apps/$APP_ID.png" \
  "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" /usr/share/doc/kneemap/copyright; do
  check "installed $f" test -s "$chroot_dir$f"
done
check "the installed binary is stripped" bash -c "file '$chroot_dir/usr/bin/kneemap' | grep -q ', stripped'"

say "The installed /usr/bin/kneemap under Xvfb in the clean root"
# Xvfb picks a free display itself (-displayfd), so a display someone else runs is never used.
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5> "$verify_dir/display" 2> "$verify_dir/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$verify_dir/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$verify_dir/display")"
echo "   Xvfb on $DISPLAY"
mkdir -p "$chroot_dir/tmp/kneemap-data"
# chroot and env exec the program, so $! is the app itself.
chroot "$chroot_dir" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$DISPLAY" \
  /usr/bin/kneemap --data-dir /tmp/kneemap-data > "$verify_dir/app.log" 2>&1 &
app_pid=$!
window=
for _ in $(seq 60); do
  window=$(xdotool search --class "$APP_ID" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 0.5
done
sleep 6 # first frames, textures
import -window root "$verify_dir/deb-window.png"
if [ -n "$window" ]; then
  xprop -id "$window" WM_CLASS _NET_WM_NAME | tee "$verify_dir/window-props.txt"
  xprop -id "$window" -notype 32c _NET_WM_ICON > "$verify_dir/window-icon.txt" || true
fi
check "the app is still running after the screenshot" kill -0 "$app_pid"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
check "the window opened (X11 class $APP_ID)" test -n "$window"
check "WM_CLASS is the app id" grep -q "\"$APP_ID\"" "$verify_dir/window-props.txt"
colours=$(convert "$verify_dir/deb-window.png" -format %k info:)
# The knee picture's bone and skin shades: an empty or failed window has a few dozen colours, the map thousands.
check "the screenshot shows the drawn map ($colours colours)" test "$colours" -gt 2000
python3 - "$verify_dir/window-icon.txt" "$verify_dir/window-icon.ppm" <<'EOF' && convert "$verify_dir/window-icon.ppm" "$verify_dir/window-icon.png" || true
"""The window's _NET_WM_ICON (width, height, then ARGB pixels) as a picture on white."""
import re, sys
numbers = [int(n, 0) for n in re.findall(r"0x[0-9a-fA-F]+|\d+", open(sys.argv[1]).read().split("=", 1)[1])]
width, height, pixels = numbers[0], numbers[1], numbers[2:]
out = bytearray()
for argb in pixels[: width * height]:
    a, r, g, b = argb >> 24 & 255, argb >> 16 & 255, argb >> 8 & 255, argb & 255
    out += bytes(round(c * a / 255 + 255 * (1 - a / 255)) for c in (r, g, b))
with open(sys.argv[2], "wb") as f:
    f.write(b"P6 %d %d 255\n" % (width, height) + bytes(out))
print(f"   window icon: {width}x{height}")
EOF
check "the window carries its icon" test -s "$verify_dir/window-icon.png"
tail -5 "$verify_dir/app.log"

say "The menu entry's icon, looked up as a desktop would (pyxdg on the installed files)"
/usr/bin/python3 - "$chroot_dir" "$APP_ID" "$verify_dir/menu-entry.png" <<'EOF'
"""Reads the installed .desktop file, finds its Icon= in the hicolor theme of the clean root (XDG icon theme
lookup), and draws the entry as a menu shows it: the icon at 48 px beside Name and Comment."""
import os, subprocess, sys
root, app_id, out = sys.argv[1:]
os.environ["XDG_DATA_DIRS"] = os.path.join(root, "usr/share")
from xdg.DesktopEntry import DesktopEntry
from xdg.IconTheme import getIconPath
entry = DesktopEntry(os.path.join(root, "usr/share/applications", app_id + ".desktop"))
icon = getIconPath(entry.getIcon(), 48, theme="hicolor", extensions=["png"])
print(f"   Name={entry.getName()} Icon={entry.getIcon()} -> {icon}")
if not icon or not icon.startswith(root):
    sys.exit("the icon was not found in the installed hicolor theme")
font = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True).stdout
subprocess.run(["convert", "-size", "460x72", "xc:#f3f3f3", icon, "-geometry", "+12+12", "-composite",
                "-font", font, "-fill", "#202020", "-pointsize", "18", "-annotate", "+72+32", entry.getName(),
                "-fill", "#606060", "-pointsize", "12", "-annotate", "+72+54", entry.getGenericName(), out],
               check=True)
EOF
check "menu entry picture drawn" test -s "$verify_dir/menu-entry.png"

say "The portable archive for a non-root user in the clean root"
in_root useradd --create-home --shell /bin/sh runner
cp "$dist/$linux_name.tar.gz" "$chroot_dir/home/runner/"
in_root chown runner:runner "/home/runner/$linux_name.tar.gz"
as_runner() { in_root su runner -c "cd /home/runner && $1"; }
as_runner "tar xzf $linux_name.tar.gz"
as_runner "find /home/runner -path /home/runner/$linux_name -prune -o -print | sort" > "$verify_dir/home-before.txt"
as_runner "./$linux_name/install.sh" | tee "$verify_dir/install.log"
check "install.sh: ~/.local/bin/kneemap --version" as_runner ".local/bin/kneemap --version"
check "install.sh: menu entry runs the installed path" \
  grep -q "^Exec=\"/home/runner/.local/bin/kneemap\" %F" "$chroot_dir/home/runner/.local/share/applications/$APP_ID.desktop"
outside=$(in_root find / -xdev -user runner -not -path '/home/runner*' 2>/dev/null || true)
check "install.sh: nothing written outside the home folder" test -z "$outside"
as_runner "~/.local/share/$APP_ID/uninstall.sh" | tee "$verify_dir/uninstall.log"
as_runner "find /home/runner -path /home/runner/$linux_name -prune -o -print | sort" > "$verify_dir/home-after.txt"
check "uninstall.sh removed every file install.sh wrote" diff -u "$verify_dir/home-before.txt" "$verify_dir/home-after.txt"

say "Windows .exe under Wine ($(wine --version 2>/dev/null))"
wine_dir=$(mktemp -d)
python3 -m zipfile -e "$dist/$windows_name.zip" "$wine_dir/"
exe="$wine_dir/$windows_name/kneemap.exe"
export WINEPREFIX="$wine_dir/prefix" WINEDEBUG=-all
timed "wineboot" wineboot --init > /dev/null 2>&1 || true
# Rust's standard library (1.78 and later) takes random bytes from ProcessPrng in bcryptprimitives.dll, which
# Windows 10 and 11 have and Debian 12's Wine 8.0 does not (Wine added it in 9.x). In this throwaway prefix only,
# a stand-in built with mingw-w64 answers it from RtlGenRandom; the packaged .exe is unchanged.
cat > "$wine_dir/prng.c" <<'EOF'
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!RtlGenRandom(data, chunk)) return FALSE;
    data += chunk;
    len -= chunk;
  }
  return TRUE;
}
EOF
printf 'LIBRARY bcryptprimitives\nEXPORTS\n  ProcessPrng\n' > "$wine_dir/prng.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$wine_dir/prng.c" "$wine_dir/prng.def" -ladvapi32
echo "   test prefix only: bcryptprimitives.dll stand-in (ProcessPrng via RtlGenRandom) for Wine $(wine --version 2>/dev/null)"
check "kneemap.exe --version" wine "$exe" --version
check "kneemap.exe --check-content" wine "$exe" --check-content
check "kneemap.exe data path" wine "$exe" data path
# The window too (Wine draws with the host's Mesa): started on the same Xvfb, captured, then the prefix is stopped.
wine "$exe" --data-dir 'C:\kneemap-data' > "$verify_dir/wine-app.log" 2>&1 &
wine_pid=$!
for _ in $(seq 60); do
  xdotool search --name '^KneeMap$' >/dev/null 2>&1 && break
  sleep 0.5
done
sleep 8
import -window root "$verify_dir/wine-window.png"
check "kneemap.exe is still running with its window open" kill -0 "$wine_pid"
wine_colours=$(convert "$verify_dir/wine-window.png" -format %k info:)
check "the Windows build draws the map under Wine ($wine_colours colours)" test "$wine_colours" -gt 2000
wineserver -k 2>/dev/null || true
wait "$wine_pid" 2>/dev/null || true
wrestool -x -t 14 "$exe" -o "$verify_dir/exe-icon.ico" 2>/dev/null || true
check "the .exe carries the icon ($(wrestool -l "$exe" 2>/dev/null | grep -c 'type=icon') icon images)" \
  bash -c "wrestool -l '$exe' | grep -q 'type=group_icon'"
frames=$(identify "$verify_dir/exe-icon.ico" 2>/dev/null | wc -l)
convert "$verify_dir/exe-icon.ico[$((frames - 1))]" "$verify_dir/exe-icon.png" 2>/dev/null || true
rm -rf "$wine_dir"

say "Verification"
echo "screenshots and logs: $verify_dir (deb-window.png, menu-entry.png, window-icon.png, wine-window.png, exe-icon.png)"
echo "total time: $(elapsed)"
if ((failures)); then
  echo "$failures verification(s) FAILED"
  exit 1
fi
echo "all verifications passed"
