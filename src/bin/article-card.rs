//! `article-card`: checks article files, renders cards to HTML,
//! pre-renders the placeholders of whole pages and writes articles as
//! schema.org JSON-LD. See `--help`.

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The browser module has no command line.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod cli {
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use article_card::jsonld::out::to_jsonld;
    use article_card::options::OPTIONS;
    use article_card::page::prerender_page;
    use article_card::pipeline::read_article;
    use article_card::server::{placeholder, prerender, style_hash, stylesheet};
    use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};

    fn command() -> Command {
        let mut render = Command::new("render")
            .about("Print one pre-rendered card: a placeholder with its declarative shadow root, the article JSON and a fallback link")
            .long_about(
                "Prints one complete placeholder for a page: a <div data-article-card> holding the card in a \
                 declarative shadow root (<template shadowrootmode=\"open\">) with the card's stylesheet inline, \
                 the article JSON the embed script needs to bring the card alive, and a plain link for browsers \
                 that show neither. The stylesheet's Content-Security-Policy hash goes to standard error.",
            )
            .arg(Arg::new("article").value_name("ARTICLE.json").required(true).help("the article (- reads standard input)"));
        // One flag per card option, from the same table the embed reads.
        for (name, _) in OPTIONS {
            render = render.arg(Arg::new(name).long(name).value_name("VALUE").help(format!(
                "the card's {name} option, as data-{name} on a placeholder"
            )));
        }
        Command::new("article-card")
            .about("Check news articles, render them as cards before any script runs, and write them as schema.org JSON-LD")
            .version(env!("CARGO_PKG_VERSION"))
            .subcommand_required(true)
            .arg_required_else_help(true)
            .subcommand(
                Command::new("check")
                    .about("Validate article files and print every problem with its field path")
                    .long_about(
                        "Validates article files and prints every problem with the path of its field \
                         (summary[2]: bullet is empty). Exit status 1 when any file is invalid or unreadable.",
                    )
                    .arg(
                        Arg::new("articles")
                            .value_name("ARTICLE.json")
                            .required(true)
                            .num_args(1..)
                            .help("article files (- reads standard input)"),
                    ),
            )
            .subcommand(render)
            .subcommand(
                Command::new("jsonld")
                    .about("Print an article as a schema.org NewsArticle in JSON-LD")
                    .long_about(
                        "Prints the article as a schema.org NewsArticle in JSON-LD, pretty-printed, for the \
                         article's page: the properties search engines read that the article has, and the \
                         articleCard extension for summary, body, source line and follow link, so that the \
                         card can be built from the page's own JSON-LD. Every < is written as \\u003c, so \
                         the output can go into a <script type=\"application/ld+json\"> as it is. The input \
                         may be our own format or JSON-LD. Exit status 1 when the article is invalid.",
                    )
                    .arg(Arg::new("article").value_name("ARTICLE.json").required(true).help("the article (- reads standard input)"))
                    .arg(
                        Arg::new("script")
                            .long("script")
                            .action(ArgAction::SetTrue)
                            .help("wrap the JSON-LD in a <script type=\"application/ld+json\"> element"),
                    ),
            )
            .subcommand(
                Command::new("prerender")
                    .about("Pre-render every card placeholder of an HTML page, leaving the rest of the page as it was")
                    .long_about(
                        "Rewrites every [data-article-card] and <article-card> of an HTML page into its \
                         pre-rendered form (a declarative shadow root holding the card), from its inline JSON \
                         or from the file its data-src names under --base. Every other byte of the page stays \
                         as it was. Placeholders whose data cannot be read or is invalid are left as they are \
                         and reported; the exit status is then 1.",
                    )
                    .arg(Arg::new("page").value_name("PAGE.html").required(true).help("the page (- reads standard input)"))
                    .arg(
                        Arg::new("output")
                            .short('o')
                            .long("output")
                            .value_name("OUT")
                            .value_parser(value_parser!(PathBuf))
                            .help("where to write the page (default: standard output)"),
                    )
                    .arg(
                        Arg::new("base")
                            .long("base")
                            .value_name("DIR")
                            .value_parser(value_parser!(PathBuf))
                            .help("the folder data-src addresses are read from (default: the page's folder)"),
                    )
                    .arg(
                        Arg::new("url")
                            .long("url")
                            .value_name("URL")
                            .help("the page's public address, for data-jsonld placeholders: it picks the article among the page's JSON-LD blocks and resolves relative addresses"),
                    )
                    .arg(
                        Arg::new("quiet")
                            .short('q')
                            .long("quiet")
                            .action(ArgAction::SetTrue)
                            .help("do not print the stylesheet's CSP hash"),
                    ),
            )
    }

    pub fn main() -> ExitCode {
        let matches = command().get_matches();
        let result = match matches.subcommand() {
            Some(("check", args)) => check(args),
            Some(("render", args)) => render(args),
            Some(("prerender", args)) => prerender_command(args),
            Some(("jsonld", args)) => jsonld(args),
            _ => unreachable!("clap requires a subcommand"),
        };
        match result {
            Ok(code) => code,
            Err(message) => {
                eprintln!("article-card: {message}");
                ExitCode::FAILURE
            }
        }
    }

    /// A file's text, or standard input for `-`.
    fn read(path: &str) -> Result<String, String> {
        if path == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            return Ok(text);
        }
        std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{path}: no such file"),
            _ => format!("cannot read {path}: {e}"),
        })
    }

    fn name(path: &str) -> &str {
        if path == "-" {
            "standard input"
        } else {
            path
        }
    }

    fn check(args: &ArgMatches) -> Result<ExitCode, String> {
        let mut failed = false;
        for path in args.get_many::<String>("articles").into_iter().flatten() {
            let text = match read(path) {
                Ok(text) => text,
                Err(message) => {
                    println!("{message}");
                    failed = true;
                    continue;
                }
            };
            let parsed = read_article(&text);
            match parsed.article {
                Ok(_) => println!("{}: ok", name(path)),
                Err(rejection) => {
                    failed = true;
                    let count = rejection.problems.len();
                    let plural = if count == 1 { "" } else { "s" };
                    println!("{}: {count} problem{plural}", name(path));
                    for problem in &rejection.problems {
                        println!("  {problem}");
                    }
                }
            }
            // What the card leaves out of JSON-LD without refusing it.
            for note in &parsed.notes {
                println!("  note: {note}");
            }
        }
        Ok(if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    }

    fn render(args: &ArgMatches) -> Result<ExitCode, String> {
        let path = args.get_one::<String>("article").expect("required");
        let json = read(path)?;
        let options: Vec<(String, String)> = OPTIONS
            .iter()
            .filter_map(|(option, _)| {
                Some((option.to_string(), args.get_one::<String>(option)?.clone()))
            })
            .collect();
        let css = stylesheet();
        let card = match prerender(&json, &options, &css) {
            Ok(card) => card,
            Err(rejection) => {
                eprintln!("article-card: {} cannot be shown:", name(path));
                for problem in &rejection.problems {
                    eprintln!("  {problem}");
                }
                return Ok(ExitCode::FAILURE);
            }
        };
        for warning in &card.warnings {
            eprintln!("article-card: warning: {warning}");
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", placeholder(&json, &card, &options)).map_err(|e| e.to_string())?;
        eprintln!("{}", csp_note(&css));
        Ok(ExitCode::SUCCESS)
    }

    fn prerender_command(args: &ArgMatches) -> Result<ExitCode, String> {
        let path = args.get_one::<String>("page").expect("required");
        let page = read(path)?;
        let base = match args.get_one::<PathBuf>("base") {
            Some(base) => base.clone(),
            None if path == "-" => PathBuf::from("."),
            None => Path::new(path)
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        };
        let css = stylesheet();
        let (html, report) = prerender_page(
            &page,
            &base,
            &css,
            args.get_one::<String>("url").map_or("", String::as_str),
        )
        .map_err(|e| format!("{}: {e}", name(path)))?;
        match args.get_one::<PathBuf>("output") {
            Some(out) => std::fs::write(out, html)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?,
            None => std::io::stdout()
                .write_all(html.as_bytes())
                .map_err(|e| e.to_string())?,
        }
        for warning in &report.warnings {
            eprintln!("article-card: warning: {warning}");
        }
        for problem in &report.problems {
            eprintln!("article-card: {problem}");
        }
        let quiet = args.get_flag("quiet");
        if !quiet {
            eprintln!(
                "article-card: {} card(s) pre-rendered in {}",
                report.rendered,
                name(path)
            );
            if report.rendered > 0 {
                eprintln!("{}", csp_note(&css));
            }
        }
        Ok(if report.problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    }

    fn jsonld(args: &ArgMatches) -> Result<ExitCode, String> {
        let path = args.get_one::<String>("article").expect("required");
        let parsed = read_article(&read(path)?);
        for note in &parsed.notes {
            eprintln!("article-card: note: {note}");
        }
        let article = match parsed.article {
            Ok(article) => article,
            Err(rejection) => {
                eprintln!("article-card: {} is not a valid article:", name(path));
                for problem in &rejection.problems {
                    eprintln!("  {problem}");
                }
                return Ok(ExitCode::FAILURE);
            }
        };
        let json = to_jsonld(&article);
        let text = if args.get_flag("script") {
            format!("<script type=\"application/ld+json\">\n{json}</script>\n")
        } else {
            json
        };
        std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?;
        Ok(ExitCode::SUCCESS)
    }

    fn csp_note(css: &str) -> String {
        format!(
            "article-card: under a Content-Security-Policy, allow the card's inline stylesheet with style-src {}",
            style_hash(css)
        )
    }
}
