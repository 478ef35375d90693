//! The `article-card` command as a user runs it: exit codes, messages,
//! standard input, and `prerender` leaving the rest of a page untouched.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "common/command.rs"]
mod command;

use command::{stderr, stdout, ROOT};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    command::run(args, stdin.unwrap_or(""))
}

/// A scratch folder of this test run.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-card-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["check", "render", "prerender"] {
        let output = run(&[sub, "--help"], None);
        assert!(output.status.success(), "{sub}");
        assert!(
            stdout(&output).contains(&format!("Usage: article-card {sub}")),
            "{sub}"
        );
    }
    let help = stdout(&run(&["--help"], None));
    for sub in ["check", "render", "prerender"] {
        assert!(help.contains(sub), "{help}");
    }
    let render = stdout(&run(&["render", "--help"], None));
    for option in [
        "--lang",
        "--layout",
        "--theme",
        "--heading-level",
        "--services",
        "--share-url",
    ] {
        assert!(render.contains(option), "{option} in {render}");
    }
    let without = run(&[], None);
    assert_eq!(without.status.code(), Some(2), "usage errors exit with 2");
}

#[test]
fn check_reports_every_problem_and_fails_on_any() {
    let ok = run(
        &[
            "check",
            "www/articles/de-politik.json",
            "www/articles/minimal.json",
        ],
        None,
    );
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(
        stdout(&ok),
        "www/articles/de-politik.json: ok\nwww/articles/minimal.json: ok\n"
    );

    let bad = run(
        &[
            "check",
            "www/articles/en-city.json",
            "tests/fixtures/invalid.json",
        ],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    let text = stdout(&bad);
    assert!(
        text.starts_with(
            "www/articles/en-city.json: ok\ntests/fixtures/invalid.json: 9 problems\n"
        ),
        "{text}"
    );
    assert!(text.contains("\n  summary[2]: bullet is empty\n"), "{text}");
    assert!(
        text.contains("\n  hero.url: only http and https links are allowed\n"),
        "{text}"
    );
}

#[test]
fn check_reads_standard_input_and_explains_missing_files_and_broken_json() {
    let piped = run(
        &["check", "-"],
        Some("{\n  \"url\": \"https://news.example/a\",\n  \"headline\": \"Kopf\",\n}"),
    );
    assert_eq!(piped.status.code(), Some(1));
    assert_eq!(
        stdout(&piped),
        "standard input: 1 problem\n  the JSON is not valid: expected a key in double quotes (line 4, column 1)\n"
    );
    let good = run(
        &["check", "-"],
        Some(r#"{"url":"https://news.example/a","headline":"Kopf"}"#),
    );
    assert_eq!(
        (good.status.code(), stdout(&good).as_str()),
        (Some(0), "standard input: ok\n")
    );

    let missing = run(&["check", "nowhere/article.json"], None);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stdout(&missing), "nowhere/article.json: no such file\n");
}

/// The text between two markers.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    &text[from..from + text[from..].find(end).unwrap_or_else(|| panic!("no {end}"))]
}

#[test]
fn render_prints_one_complete_placeholder() {
    let output = run(
        &[
            "render",
            "www/articles/en-city.json",
            "--layout",
            "compact",
            "--heading-level",
            "3",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.starts_with("<div data-article-card data-layout=\"compact\" data-heading-level=\"3\"><template shadowrootmode=\"open\"><style>"), "{}", &html[..200]);
    let card = between(&html, "</style><div>", "</div></template>");
    assert!(card.starts_with("<article ") && card.contains("ac-card--compact"));
    assert!(card.contains("<h3 "));
    // The article JSON the embed brings the card alive with, and the plain link.
    let json = between(&html, "<script type=\"application/json\">", "</script>");
    assert!(json.contains(
        "\"headline\": \"Council approves a riverside cycle network after two years of debate\""
    ));
    assert!(html.trim_end().ends_with(
        "<a href=\"https://news.example/en/city/riverside-cycle-network-approved\">Transport: Council approves a riverside cycle network after two years of debate</a></div>"
    ));
    // The hash printed for the publisher's CSP is the hash of the inline style.
    let css = between(&html, "<style>", "</style>");
    let hash = article_card::server::style_hash(css);
    assert!(
        stderr(&output).contains(&format!("style-src {hash}")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn render_refuses_invalid_articles_and_warns_about_bad_options() {
    let bad = run(&["render", "tests/fixtures/invalid.json"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout(&bad), "");
    assert!(stderr(&bad)
        .contains("tests/fixtures/invalid.json cannot be shown:\n  headline: is required"));

    let warned = run(
        &["render", "-", "--layout", "poster"],
        Some(r#"{"url":"https://news.example/a","headline":"Kopf"}"#),
    );
    assert_eq!(warned.status.code(), Some(0));
    assert!(stderr(&warned)
        .contains("warning: layout \"poster\" is not one of card, compact, teaser, full"));
    assert!(stdout(&warned).contains("ac-card--card"));
}

#[test]
fn prerender_rewrites_placeholders_and_leaves_every_other_byte() {
    let dir = scratch("prerender");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::copy(
        Path::new(ROOT).join("www/articles/minimal.json"),
        dir.join("data/a.json"),
    )
    .unwrap();
    let page = "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Seite</title>\n\
        <style>p { color: red }</style></head>\n<body>\n  <p>Davor &amp; danach</p>\n\
        <div data-article-card data-src=\"data/a.json\" data-layout=\"teaser\"><a href=\"https://news.example/kurz/wetter-wochenende\">Wetter</a></div>\n\
        <!-- ein Kommentar --><p>Danach</p>\n</body></html>\n";
    std::fs::write(dir.join("page.html"), page).unwrap();
    let out = dir.join("out.html");
    let output = run(
        &[
            "prerender",
            dir.join("page.html").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let result = std::fs::read_to_string(&out).unwrap();
    let start = result.find("<template").unwrap();
    let end = result.find("</template>").unwrap() + "</template>".len();
    assert_eq!(format!("{}{}", &result[..start], &result[end..]), page);
    assert!(result[start..end].contains("ac-card--teaser"));
    assert!(stderr(&output).contains("1 card(s) pre-rendered"));

    // Standard input to standard output, with the data under --base.
    let piped = run(
        &["prerender", "-", "--base", dir.to_str().unwrap()],
        Some(page),
    );
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(stdout(&piped), result);

    // A placeholder whose data is missing is reported and left alone.
    let broken = page.replace("data/a.json", "data/missing.json");
    let failed = run(
        &["prerender", "-", "--base", dir.to_str().unwrap()],
        Some(&broken),
    );
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(stdout(&failed), broken);
    assert!(
        stderr(&failed).contains("<div> (line 6): cannot read"),
        "{}",
        stderr(&failed)
    );
    std::fs::remove_dir_all(dir).unwrap();
}
