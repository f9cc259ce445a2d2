//! Prints every line of an article with its class and reason (debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let input = std::fs::read_to_string(path).expect("readable");
    let text = thidua::text::Text::new(&input);
    let article = thidua::clean::clean(&text);
    for l in &article.lines {
        let s: String = text.norm[l.range.clone()].chars().take(70).collect();
        println!(
            "{:3} {:12} {:32} |{}",
            l.line + 1,
            format!("{:?}", l.class),
            l.reason,
            s
        );
    }
    println!(
        "authors {:?} published {:?} month {:?} source {:?}",
        article.authors.iter().map(|a| &a.name).collect::<Vec<_>>(),
        article.published,
        article.published_month,
        article.source
    );
}
