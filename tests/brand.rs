//! A bureau's own look without templates: `logo:` (a picture under content/static/) and
//! the organiser's name in the header, and `brand_color:` — refused, with its contrast
//! ratio, when white text on it (and links in it on white) cannot be read.

mod common;

use common::{TestSite, sel};

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#fff"/></svg>"##;

fn branded(color: &str, logo: &str) -> TestSite {
    let site = TestSite::fixture("mini");
    site.write("content/static/images/logo.svg", LOGO);
    let settings = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{settings}\nlogo: {logo}\nbrand_color: \"{color}\"\n"),
    );
    site
}

/// WCAG 2's contrast of white on `#rrggbb`, computed here from the definition.
fn contrast(hex: &str) -> f64 {
    let c = |i: usize| {
        let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5);
    1.05 / (l + 0.05)
}

#[test]
fn the_logo_organiser_and_colour_are_on_every_page() {
    let site = branded("#14602B", "images/logo.svg");
    site.run(&["build"]).expect_code(0);
    for page in ["index.html", "jobs/xincheng-20261127-01/index.html"] {
        let html = site.html(page);
        let img = html
            .select(&sel(".site-header .site-title img.site-logo"))
            .next()
            .unwrap_or_else(|| panic!("{page}: a logo"));
        let src = img.value().attr("src").expect("src");
        assert!(src.ends_with("images/logo.svg"), "{src}");
        assert!(
            site.output()
                .join(page)
                .parent()
                .expect("dir")
                .join(src)
                .is_file(),
            "{page}: {src} exists"
        );
        let org: String = html
            .select(&sel(".site-header .site-org"))
            .next()
            .expect("the organiser")
            .text()
            .collect();
        let settings = site.read("content/site.yaml");
        let publisher = settings
            .lines()
            .find_map(|l| l.trim().strip_prefix("publisher: "))
            .expect("the fixture names its publisher");
        assert_eq!(org, publisher);
        let style: String = html
            .select(&sel("head style"))
            .map(|s| s.text().collect::<String>())
            .collect();
        assert!(style.contains("--accent:#14602b"), "{style}");
    }
}

#[test]
fn a_colour_white_text_cannot_be_read_on_is_refused_with_its_ratio() {
    assert!(contrast("#14602b") >= 4.5);
    let yellow = "#f0c000";
    let ratio = contrast(yellow);
    assert!(ratio < 4.5);
    let site = branded(yellow, "images/logo.svg");
    let run = site.run(&["check"]);
    run.expect_code(1);
    let line = run.expect_line_with(&["content/site.yaml:", "brand_color"]);
    assert!(
        line.contains(&format!("{ratio:.1}:1")),
        "names the ratio: {line}"
    );
    assert!(line.contains("4.5:1"), "{line}");
    assert!(!site.path("output").exists());

    let run = branded("green", "images/logo.svg").run(&["check"]);
    run.expect_line_with(&["brand_color", "#RRGGBB"]);
    let run = branded("#14602b", "images/missing.png").run(&["check"]);
    run.expect_line_with(&[
        "content/site.yaml:",
        "logo",
        "content/static/images/missing.png",
    ]);
    let run = branded("#14602b", "images/logo.txt").run_as_editor(&["check"], &[]);
    run.expect_line_with(&["标志图片", "不是图片"]);
}
