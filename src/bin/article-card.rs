//! `article-card`: checks article files, renders cards to HTML and
//! pre-renders the placeholders of whole pages. See `--help`.

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

    use article_card::options::OPTIONS;
    use article_card::page::prerender_page;
    use article_card::pipeline::parse_article;
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
            .about("Check news articles, and render them as cards before any script runs")
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
            match parse_article(&text) {
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
        let (html, report) =
            prerender_page(&page, &base, &css).map_err(|e| format!("{}: {e}", name(path)))?;
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

    fn csp_note(css: &str) -> String {
        format!(
            "article-card: under a Content-Security-Policy, allow the card's inline stylesheet with style-src {}",
            style_hash(css)
        )
    }
}
