//! Build script: embeds the app icon (`assets/icon/kneemap.ico`) and version details in the Windows `.exe`, so
//! Explorer, the Start menu and the taskbar show KneeMap's icon. Does nothing for other targets.
//!
//! Cross builds from Linux use mingw-w64's `x86_64-w64-mingw32-windres` (Debian package `mingw-w64`); native MSVC
//! builds use the Windows SDK's `rc.exe`. `winresource` finds either.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/kneemap.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/kneemap.ico")
        .set("ProductName", "KneeMap")
        .set(
            "FileDescription",
            "KneeMap: knee pain map and strength planner for runners",
        )
        .set(
            "LegalCopyright",
            "The KneeMap developers; MIT OR Apache-2.0",
        );
    if let Err(error) = resource.compile() {
        // A missing resource compiler would give an .exe without its icon: refuse instead.
        panic!("could not embed the icon in the .exe (is mingw-w64's windres installed?): {error}");
    }
}
