//! A small page-layout layer over `pdf-writer`: pages in top-down points, text in the embedded Ubuntu font with
//! measured widths and word wrap, lines, boxes and the exercise drawings, then one call to write the PDF.
//!
//! Coordinates: layout code uses points from the page's top-left corner (`y` grows downwards); only this module
//! converts to PDF user space (origin bottom-left).

use std::collections::{BTreeMap, HashMap};

use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};

use super::Paper;
use crate::export::ExportError;

/// The font: egui's Ubuntu Light, reused rather than shipping a font file.
const FONT_BYTES: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
const FONT_NAME: Name<'static> = Name(b"Ubuntu-Light");
const FONT_RESOURCE: Name<'static> = Name(b"F1");
/// Deflate level for page and picture streams: fast, and the drawings are flat colour so they still shrink well.
const DEFLATE_LEVEL: u8 = 2;

/// An RGB colour, 0–1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
pub const GREY: Rgb = Rgb(0.45, 0.45, 0.45);
pub const LIGHT_GREY: Rgb = Rgb(0.8, 0.8, 0.8);
pub const ACCENT: Rgb = Rgb(0.11, 0.37, 0.62);
pub const WARM: Rgb = Rgb(0.80, 0.36, 0.10);

/// How text is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size_pt: f32,
    /// Drawn with a thin outline as well, so the light font reads as bold.
    pub bold: bool,
    pub color: Rgb,
}

impl Style {
    pub const fn new(size_pt: f32) -> Self {
        Self {
            size_pt,
            bold: false,
            color: BLACK,
        }
    }

    pub const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub const fn color(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }

    /// Baseline-to-baseline distance.
    pub fn leading(&self) -> f32 {
        self.size_pt * 1.3
    }
}

/// The font file deflated, once per process (it never changes and is the largest object in every PDF).
fn compressed_font() -> &'static [u8] {
    static COMPRESSED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    COMPRESSED.get_or_init(|| compress_to_vec_zlib(FONT_BYTES, 6))
}

/// Typographic characters the Ubuntu font lacks, written with ones it has.
fn substitute(text: &str) -> std::borrow::Cow<'_, str> {
    const SUBSTITUTES: [(char, &str); 5] = [
        ('→', "->"),
        ('←', "<-"),
        ('≤', "<="),
        ('≥', ">="),
        ('\u{2212}', "-"),
    ];
    if text
        .chars()
        .any(|c| SUBSTITUTES.iter().any(|(from, _)| *from == c))
    {
        let mut out = String::with_capacity(text.len() + 4);
        for c in text.chars() {
            match SUBSTITUTES.iter().find(|(from, _)| *from == c) {
                Some((_, to)) => out.push_str(to),
                None => out.push(c),
            }
        }
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// An embedded picture, decoded once and shared by every page that shows it.
struct Picture {
    width_px: u32,
    height_px: u32,
    rgb: Vec<u8>,
    alpha: Vec<u8>,
}

/// The document under construction.
pub struct Doc {
    face: ttf_parser::Face<'static>,
    /// Font units to 1/1000 em (PDF glyph space).
    units_to_milli_em: f32,
    /// Glyphs used, with one character each for the `ToUnicode` map.
    used_glyphs: BTreeMap<u16, char>,
    /// Glyph ids and advance widths (1/1000 em) of Latin-1 characters, indexed by code point: the common case,
    /// kept in a table because text layout looks up every character many times.
    latin1_glyphs: Vec<Option<(u16, f32)>>,
    /// The same for other characters.
    glyph_cache: HashMap<char, (u16, f32)>,
    pub paper: Paper,
    pages: Vec<Content>,
    /// Per page, the pictures it draws (indexes into `pictures`).
    page_pictures: Vec<Vec<usize>>,
    pictures: Vec<Picture>,
    picture_index: HashMap<String, Option<usize>>,
    /// Layout cursor on the current page, from the top.
    pub y: f32,
}

impl Doc {
    pub fn new(paper: Paper) -> Result<Self, ExportError> {
        let face =
            ttf_parser::Face::parse(FONT_BYTES, 0).map_err(|e| ExportError::Font(e.to_string()))?;
        let units_to_milli_em = 1000.0 / f32::from(face.units_per_em());
        let mut doc = Self {
            face,
            units_to_milli_em,
            used_glyphs: BTreeMap::new(),
            latin1_glyphs: vec![None; 256],
            glyph_cache: HashMap::new(),
            paper,
            pages: Vec::new(),
            page_pictures: Vec::new(),
            pictures: Vec::new(),
            picture_index: HashMap::new(),
            y: 0.0,
        };
        doc.new_page();
        Ok(doc)
    }

    pub fn page_width(&self) -> f32 {
        self.paper.size_pt().0
    }

    pub fn page_height(&self) -> f32 {
        self.paper.size_pt().1
    }

    pub fn margin(&self) -> f32 {
        self.paper.margin_pt()
    }

    /// Usable width between the margins.
    pub fn text_width(&self) -> f32 {
        self.page_width() - 2.0 * self.margin()
    }

    /// Lowest `y` content may reach (room is left for the footer).
    pub fn bottom(&self) -> f32 {
        self.page_height() - self.margin() - 14.0
    }

    pub fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.page_pictures.push(Vec::new());
        self.y = self.margin();
    }

    /// Starts a new page unless `height_pt` still fits below the cursor.
    pub fn ensure_space(&mut self, height_pt: f32) {
        if self.y + height_pt > self.bottom() && self.y > self.margin() + 0.5 {
            self.new_page();
        }
    }

    fn content(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Glyph id and advance width (1/1000 em) of `c`; a character the font lacks gets the `?` glyph.
    fn glyph(&mut self, c: char) -> (u16, f32) {
        let latin1 = usize::try_from(u32::from(c)).ok().filter(|i| *i < 256);
        if let Some(found) = latin1.and_then(|i| self.latin1_glyphs[i]) {
            return found;
        }
        if let Some(found) = self.glyph_cache.get(&c) {
            return *found;
        }
        let lookup = |face: &ttf_parser::Face<'_>, c: char| {
            face.glyph_index(c)
                .filter(|g| g.0 != 0)
                .map(|g| (g, face.glyph_hor_advance(g).unwrap_or(0)))
        };
        let (gid, advance) = lookup(&self.face, c)
            .or_else(|| lookup(&self.face, '?'))
            .unwrap_or((ttf_parser::GlyphId(0), 0));
        let width = f32::from(advance) * self.units_to_milli_em;
        match latin1 {
            Some(i) => self.latin1_glyphs[i] = Some((gid.0, width)),
            None => {
                self.glyph_cache.insert(c, (gid.0, width));
            }
        }
        (gid.0, width)
    }

    /// Width of `text` in points at `size_pt`.
    pub fn measure(&mut self, text: &str, size_pt: f32) -> f32 {
        let text = substitute(text);
        let milli_em: f32 = text.chars().map(|c| self.glyph(c).1).sum();
        milli_em * size_pt / 1000.0
    }

    /// Draws one line of text with its baseline at `baseline_y` (from the top) on the current page.
    pub fn text(&mut self, x: f32, baseline_y: f32, style: Style, text: &str) {
        if self.pages.is_empty() {
            self.new_page();
        }
        self.text_on(self.pages.len() - 1, x, baseline_y, style, text);
    }

    fn text_on(&mut self, page: usize, x: f32, baseline_y: f32, style: Style, text: &str) {
        let text = substitute(text);
        let mut encoded = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            let (gid, _) = self.glyph(c);
            let (fallback, _) = self.glyph('?');
            // The text layer (copy, search) gets the real character, or `?` where the `?` glyph stands in.
            self.used_glyphs
                .entry(gid)
                .or_insert(if gid == fallback { '?' } else { c });
            encoded.extend_from_slice(&gid.to_be_bytes());
        }
        let pdf_y = self.page_height() - baseline_y;
        let Rgb(r, g, b) = style.color;
        let Some(content) = self.pages.get_mut(page) else {
            return;
        };
        content.save_state();
        content.set_fill_rgb(r, g, b);
        if style.bold {
            content.set_stroke_rgb(r, g, b);
            content.set_line_width(style.size_pt * 0.035);
        }
        content.begin_text();
        if style.bold {
            content.set_text_rendering_mode(TextRenderingMode::FillStroke);
        }
        content.set_font(FONT_RESOURCE, style.size_pt);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, pdf_y]);
        content.show(Str(&encoded));
        content.end_text();
        content.restore_state();
    }

    /// Splits `text` into lines no wider than `width_pt` (breaking at spaces; a single over-long word is cut).
    pub fn wrap(&mut self, text: &str, size_pt: f32, width_pt: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space_w = self.measure(" ", size_pt);
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in paragraph.split_whitespace() {
                let word_w = self.measure(word, size_pt);
                if line.is_empty() && word_w <= width_pt {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                if !line.is_empty() && line_w + space_w + word_w <= width_pt {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space_w + word_w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if word_w <= width_pt {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                // The word alone is too wide: cut it into pieces that fit.
                let mut piece = String::new();
                let mut piece_w = 0.0;
                for c in word.chars() {
                    let c_w = self.glyph(c).1 * size_pt / 1000.0;
                    if piece_w + c_w > width_pt && !piece.is_empty() {
                        lines.push(std::mem::take(&mut piece));
                        piece_w = 0.0;
                    }
                    piece.push(c);
                    piece_w += c_w;
                }
                line = piece;
                line_w = piece_w;
            }
            lines.push(line);
        }
        lines
    }

    /// `text` cut short with "…" so it fits in `width_pt` on one line.
    pub fn fit(&mut self, text: &str, size_pt: f32, width_pt: f32) -> String {
        if self.measure(text, size_pt) <= width_pt {
            return text.to_owned();
        }
        let ellipsis_w = self.measure("…", size_pt);
        let mut out = String::new();
        let mut used = 0.0;
        for c in text.chars() {
            let c_w = self.measure(c.encode_utf8(&mut [0; 4]), size_pt);
            if used + c_w + ellipsis_w > width_pt {
                break;
            }
            out.push(c);
            used += c_w;
        }
        out.push('…');
        out
    }

    /// Wrapped text flowing from the cursor at `x`, `width_pt` wide, breaking pages as needed; moves the cursor.
    pub fn paragraph(&mut self, x: f32, width_pt: f32, style: Style, text: &str) {
        let lines = self.wrap(text, style.size_pt, width_pt);
        for line in lines {
            self.ensure_space(style.leading());
            let baseline = self.y + style.size_pt;
            self.text(x, baseline, style, &line);
            self.y += style.leading();
        }
    }

    /// Draws lines already wrapped, first baseline at `top_y + size`, without page breaks; returns the height used.
    pub fn lines_at(&mut self, x: f32, top_y: f32, style: Style, lines: &[String]) -> f32 {
        for (i, line) in lines.iter().enumerate() {
            // Line indices and counts of one block (a few dozen) are exact in f32.
            let baseline = top_y + style.size_pt + style.leading() * i as f32;
            self.text(x, baseline, style, line);
        }
        style.leading() * lines.len() as f32
    }

    /// A rectangle outline; `(x, y)` is its top-left corner.
    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, line_pt: f32, color: Rgb) {
        let pdf_y = self.page_height() - y - h;
        let content = self.content();
        content.save_state();
        content.set_stroke_rgb(color.0, color.1, color.2);
        content.set_line_width(line_pt);
        content.rect(x, pdf_y, w, h);
        content.stroke();
        content.restore_state();
    }

    /// A filled rectangle; `(x, y)` is its top-left corner.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        let pdf_y = self.page_height() - y - h;
        let content = self.content();
        content.save_state();
        content.set_fill_rgb(color.0, color.1, color.2);
        content.rect(x, pdf_y, w, h);
        content.fill_nonzero();
        content.restore_state();
    }

    /// A straight line; `dash_pt` > 0 draws it dashed.
    pub fn line(
        &mut self,
        from: (f32, f32),
        to: (f32, f32),
        line_pt: f32,
        color: Rgb,
        dash_pt: f32,
    ) {
        self.polyline(&[from, to], line_pt, color, dash_pt);
    }

    /// Connected line segments through `points` (top-down coordinates).
    pub fn polyline(&mut self, points: &[(f32, f32)], line_pt: f32, color: Rgb, dash_pt: f32) {
        let Some(((x0, y0), rest)) = points.split_first() else {
            return;
        };
        let height = self.page_height();
        let Rgb(r, g, b) = color;
        let content = self.content();
        content.save_state();
        content.set_stroke_rgb(r, g, b);
        content.set_line_width(line_pt);
        if dash_pt > 0.0 {
            content.set_dash_pattern([dash_pt, dash_pt * 0.7], 0.0);
        }
        content.move_to(*x0, height - y0);
        for (x, y) in rest {
            content.line_to(*x, height - y);
        }
        content.stroke();
        content.restore_state();
    }

    /// A closed polygon through `points` (top-down coordinates), filled with `fill` and outlined with `stroke`
    /// (`line_pt` wide) when given.
    pub fn polygon(
        &mut self,
        points: &[(f32, f32)],
        fill: Option<Rgb>,
        stroke: Option<(f32, Rgb)>,
    ) {
        let Some(((x0, y0), rest)) = points.split_first() else {
            return;
        };
        let height = self.page_height();
        let content = self.content();
        content.save_state();
        // Colours first: PDF allows no state change between building a path and painting it.
        if let Some(Rgb(r, g, b)) = fill {
            content.set_fill_rgb(r, g, b);
        }
        if let Some((line_pt, Rgb(r, g, b))) = stroke {
            content.set_stroke_rgb(r, g, b);
            content.set_line_width(line_pt);
        }
        content.move_to(*x0, height - y0);
        for (x, y) in rest {
            content.line_to(*x, height - y);
        }
        content.close_path();
        match (fill.is_some(), stroke.is_some()) {
            (true, true) => content.fill_nonzero_and_stroke(),
            (true, false) => content.fill_nonzero(),
            (false, true) => content.stroke(),
            (false, false) => content.end_path(),
        };
        content.restore_state();
    }

    /// Draws the exercise's drawing in the box `(x, y, w, h)` (top-left corner), keeping its aspect ratio.
    /// Returns false (drawing nothing) when the exercise has no drawing.
    pub fn exercise_picture(
        &mut self,
        exercise_id: &str,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    ) -> Result<bool, ExportError> {
        let index = if let Some(found) = self.picture_index.get(exercise_id) {
            *found
        } else {
            let loaded = match crate::exercise_art::png_for(exercise_id) {
                Some(png) => Some(self.add_picture(exercise_id, png)?),
                None => None,
            };
            self.picture_index.insert(exercise_id.to_owned(), loaded);
            loaded
        };
        let Some(index) = index else {
            return Ok(false);
        };
        let (pw, ph) = (
            // Picture sides are at most assets::MAX_SIDE_PX pixels: exact in f32.
            self.pictures[index].width_px as f32,
            self.pictures[index].height_px as f32,
        );
        let scale = (w / pw).min(h / ph);
        let (dw, dh) = (pw * scale, ph * scale);
        let (dx, dy) = (x + (w - dw) / 2.0, y + (h - dh) / 2.0);
        let pdf_y = self.page_height() - dy - dh;
        let name = format!("Im{index}");
        let last = self.pages.len() - 1;
        if !self.page_pictures[last].contains(&index) {
            self.page_pictures[last].push(index);
        }
        let content = self.content();
        content.save_state();
        content.transform([dw, 0.0, 0.0, dh, dx, pdf_y]);
        content.x_object(Name(name.as_bytes()));
        content.restore_state();
        Ok(true)
    }

    /// Decodes a drawing, halves its resolution (plenty for print at this size) and keeps it for embedding.
    fn add_picture(&mut self, exercise_id: &str, png: &[u8]) -> Result<usize, ExportError> {
        let decoded = crate::assets::decode_png(png).map_err(|e| ExportError::Image {
            exercise_id: exercise_id.to_owned(),
            message: e.to_string(),
        })?;
        let (w, h) = (decoded.width_px / 2, decoded.height_px / 2);
        let mut rgb = Vec::with_capacity(w * h * 3);
        let mut alpha = Vec::with_capacity(w * h);
        let src_w = decoded.width_px;
        for row in 0..h {
            for col in 0..w {
                let mut sum = [0u32; 4];
                for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                    let i = ((row * 2 + dy) * src_w + col * 2 + dx) * 4;
                    let a = u32::from(decoded.rgba[i + 3]);
                    // Colour is averaged weighted by alpha so transparent pixels do not darken edges.
                    for (channel, total) in sum.iter_mut().take(3).enumerate() {
                        *total += u32::from(decoded.rgba[i + channel]) * a;
                    }
                    sum[3] += a;
                }
                let a_total = sum[3];
                for total in &sum[..3] {
                    let value = total.checked_div(a_total).unwrap_or(255);
                    rgb.push(u8::try_from(value).unwrap_or(255));
                }
                alpha.push(u8::try_from(a_total / 4).unwrap_or(255));
            }
        }
        self.pictures.push(Picture {
            width_px: u32::try_from(w).unwrap_or(0),
            height_px: u32::try_from(h).unwrap_or(0),
            rgb,
            alpha,
        });
        Ok(self.pictures.len() - 1)
    }

    /// Writes every page with a footer (`footer` left, "page n of m" right) and returns the PDF bytes.
    pub fn finish(mut self, title: &str, footer: &str) -> Vec<u8> {
        let page_count = self.pages.len();
        let footer_y = self.page_height() - self.margin() + 4.0;
        let footer_style = Style::new(8.0).color(GREY);
        for page in 0..page_count {
            let label = format!("page {} of {page_count}", page + 1);
            let label_w = self.measure(&label, footer_style.size_pt);
            let right = self.page_width() - self.margin() - label_w;
            let left = self.margin();
            let footer = self.fit(footer, footer_style.size_pt, right - left - 12.0);
            self.text_on(page, left, footer_y, footer_style, &footer);
            self.text_on(page, right, footer_y, footer_style, &label);
        }
        self.write(title)
    }

    fn write(self, title: &str) -> Vec<u8> {
        let mut next_id = 1;
        let mut alloc = || {
            let id = Ref::new(next_id);
            next_id += 1;
            id
        };
        let catalog_id = alloc();
        let tree_id = alloc();
        let info_id = alloc();
        let type0_id = alloc();
        let cid_id = alloc();
        let descriptor_id = alloc();
        let cmap_id = alloc();
        let font_file_id = alloc();
        let picture_ids: Vec<(Ref, Ref)> =
            self.pictures.iter().map(|_| (alloc(), alloc())).collect();
        let page_ids: Vec<(Ref, Ref)> = self.pages.iter().map(|_| (alloc(), alloc())).collect();

        let mut pdf = Pdf::new();
        pdf.catalog(catalog_id).pages(tree_id);
        pdf.document_info(info_id)
            .title(pdf_writer::TextStr(title))
            .producer(pdf_writer::TextStr(concat!(
                "KneeMap ",
                env!("CARGO_PKG_VERSION")
            )));
        pdf.pages(tree_id)
            .kids(page_ids.iter().map(|(page, _)| *page))
            .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));

        let (width, height) = self.paper.size_pt();
        for (i, (content, pictures)) in self.pages.into_iter().zip(&self.page_pictures).enumerate()
        {
            let (page_id, content_id) = page_ids[i];
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, width, height))
                .parent(tree_id)
                .contents(content_id);
            let mut resources = page.resources();
            resources.fonts().pair(FONT_RESOURCE, type0_id);
            let mut x_objects = resources.x_objects();
            for index in pictures {
                let name = format!("Im{index}");
                x_objects.pair(Name(name.as_bytes()), picture_ids[*index].0);
            }
            x_objects.finish();
            resources.finish();
            page.finish();
            let compressed = compress_to_vec_zlib(&content.finish().into_vec(), DEFLATE_LEVEL);
            pdf.stream(content_id, &compressed)
                .filter(Filter::FlateDecode);
        }

        for (picture, (image_id, mask_id)) in self.pictures.iter().zip(&picture_ids) {
            let width_px = i32::try_from(picture.width_px).unwrap_or(0);
            let height_px = i32::try_from(picture.height_px).unwrap_or(0);
            let rgb = compress_to_vec_zlib(&picture.rgb, DEFLATE_LEVEL);
            let mut image = pdf.image_xobject(*image_id, &rgb);
            image.filter(Filter::FlateDecode);
            image.width(width_px).height(height_px);
            image.color_space().device_rgb();
            image
                .bits_per_component(8)
                .interpolate(true)
                .s_mask(*mask_id);
            image.finish();
            let alpha = compress_to_vec_zlib(&picture.alpha, DEFLATE_LEVEL);
            let mut mask = pdf.image_xobject(*mask_id, &alpha);
            mask.filter(Filter::FlateDecode);
            mask.width(width_px).height(height_px);
            mask.color_space().device_gray();
            mask.bits_per_component(8).interpolate(true);
            mask.finish();
        }

        // The font: Type0 with Identity-H (2-byte glyph ids), the whole TrueType file embedded.
        let system_info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0_id)
            .base_font(FONT_NAME)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(cmap_id);
        let mut cid = pdf.cid_font(cid_id);
        cid.subtype(CidFontType::Type2)
            .base_font(FONT_NAME)
            .system_info(system_info)
            .font_descriptor(descriptor_id)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        {
            let mut widths = cid.widths();
            for gid in self.used_glyphs.keys() {
                let advance = self
                    .face
                    .glyph_hor_advance(ttf_parser::GlyphId(*gid))
                    .unwrap_or(0);
                widths.consecutive(*gid, [f32::from(advance) * self.units_to_milli_em]);
            }
        }
        cid.finish();
        let bbox = self.face.global_bounding_box();
        let scale = self.units_to_milli_em;
        pdf.font_descriptor(descriptor_id)
            .name(FONT_NAME)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * scale,
                f32::from(bbox.y_min) * scale,
                f32::from(bbox.x_max) * scale,
                f32::from(bbox.y_max) * scale,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(self.face.ascender()) * scale)
            .descent(f32::from(self.face.descender()) * scale)
            .cap_height(f32::from(self.face.capital_height().unwrap_or(700)) * scale)
            .stem_v(80.0)
            .font_file2(font_file_id);
        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
        for (gid, c) in &self.used_glyphs {
            cmap.pair(*gid, *c);
        }
        pdf.cmap(cmap_id, &cmap.finish());
        pdf.stream(font_file_id, compressed_font())
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(FONT_BYTES.len()).unwrap_or(i32::MAX),
            );
        pdf.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_line_inside_the_width_and_every_word() {
        let mut doc = Doc::new(Paper::A4).unwrap();
        let text = "Keep your knee over your second toe and lower slowly. Averyveryveryverylongwordthatcannotfit here.";
        for width in [40.0, 90.0, 200.0] {
            let lines = doc.wrap(text, 10.0, width);
            assert!(lines.len() > 1);
            for line in &lines {
                assert!(doc.measure(line, 10.0) <= width + 0.01, "{line} at {width}");
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let expected: String = text.split_whitespace().collect();
            assert_eq!(joined, expected);
        }
        assert_eq!(doc.wrap("a\nb", 10.0, 300.0), ["a", "b"]);
        let long = "A plan name far too long for one line of the page header, going on and on";
        let fitted = doc.fit(long, 10.0, 100.0);
        assert!(
            fitted.ends_with('…') && doc.measure(&fitted, 10.0) <= 100.0,
            "{fitted}"
        );
        assert_eq!(doc.fit("short", 10.0, 100.0), "short");
    }

    #[test]
    fn text_in_the_font_measures_with_its_widths() {
        let mut doc = Doc::new(Paper::Letter).unwrap();
        let narrow = doc.measure("iiii", 10.0);
        let wide = doc.measure("WWWW", 10.0);
        assert!(narrow > 0.0 && wide > narrow * 2.0, "{narrow} {wide}");
        // Characters the font lacks fall back to a visible glyph, not nothing.
        assert!(doc.measure("\u{10FFFF}", 10.0) > 0.0);
        // Arrows are written as "->", which the font has.
        assert!((doc.measure("a → b", 10.0) - doc.measure("a -> b", 10.0)).abs() < 0.001);
        assert_eq!(doc.glyph('\u{10FFFF}').0, doc.glyph('?').0);
    }
}
