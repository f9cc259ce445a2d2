//! The command line over archives: `--jsonl` on directories (all cores, path order, rate on
//! standard error) and `figures --csv` (one RFC 4180 row per figure, from articles or from
//! saved `--jsonl` output).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory of articles for one test: `a.txt`, `b.txt`, `sub/c.html`, and a file
/// that is not an article.
fn archive(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thidua-archive-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    let write = |path: &str, text: &str| std::fs::write(dir.join(path), text).expect("write");
    write(
        "b.txt",
        "Năm 2024, tổng thu ngân sách đạt 412,5 tỷ đồng, tăng 8,3% so với cùng kỳ.\n",
    );
    write("a.txt", "Tỷ lệ hộ nghèo giảm còn 1,85%.\n");
    write(
        "sub/c.html",
        "<html><body><p>Giải ngân 1.250 tỷ đồng vốn đầu tư công.</p></body></html>",
    );
    write("notes.md", "Không phải bài báo: 99%\n");
    dir
}

fn thidua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn jsonl_walks_directories_in_path_order_and_reports_the_rate() {
    let dir = archive("jsonl");
    let output = thidua(&["--jsonl", path_str(&dir)]);
    let text = stdout(&output);
    let files: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            assert!(v["summary"].is_object());
            v["file"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let expected: Vec<String> = ["a.txt", "b.txt", "sub/c.html"]
        .iter()
        .map(|f| path_str(&dir.join(f)).to_string())
        .collect();
    assert_eq!(files, expected);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("3 articles in"), "{stderr}");
    assert!(stderr.contains("articles/s"), "{stderr}");
    // Same bytes on a second run, whatever the thread scheduling.
    assert_eq!(stdout(&thidua(&["--jsonl", path_str(&dir)])), text);
}

#[test]
fn jsonl_writes_an_error_line_for_a_file_it_cannot_read_and_goes_on() {
    let dir = archive("errors");
    let missing = dir.join("missing.txt");
    let output = thidua(&["--jsonl", path_str(&missing), path_str(&dir.join("a.txt"))]);
    assert!(!output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].is_string());
    assert!(lines[1]["summary"].is_object());
}

#[test]
fn figures_csv_writes_one_quoted_row_per_figure() {
    let dir = archive("csv");
    let csv = stdout(&thidua(&["figures", "--csv", path_str(&dir)]));
    let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(
        rows[0],
        "file,date,subject,metric,kind,value,unit,approx,comparison,status,text"
    );
    let b = path_str(&dir.join("b.txt")).to_string();
    let money = rows
        .iter()
        .find(|r| r.starts_with(&b) && r.contains(",money,"))
        .expect("the money figure of b.txt");
    assert!(money.contains(",412500000000,VND,"), "{money}");
    assert!(money.ends_with(",\"412,5 tỷ đồng\""), "{money}");
    let percent = rows
        .iter()
        .find(|r| r.starts_with(&b) && r.contains(",percent,"))
        .expect("the percentage of b.txt");
    assert!(percent.contains(",8.3,%,"), "{percent}");
    assert!(percent.ends_with(",\"8,3%\""), "{percent}");
    assert!(!csv.contains("notes.md"));
    assert!(csv.contains("sub/c.html"));
}

#[test]
fn figures_csv_reads_saved_jsonl_the_same_as_the_articles() {
    let dir = archive("saved");
    let saved = dir.join("archive.jsonl");
    let jsonl = stdout(&thidua(&[
        "--jsonl",
        path_str(&dir.join("a.txt")),
        path_str(&dir.join("b.txt")),
    ]));
    std::fs::write(&saved, jsonl).expect("write jsonl");
    let from_saved = stdout(&thidua(&["figures", "--csv", path_str(&saved)]));
    let from_articles = stdout(&thidua(&[
        "figures",
        "--csv",
        path_str(&dir.join("a.txt")),
        path_str(&dir.join("b.txt")),
    ]));
    assert_eq!(from_saved, from_articles);
    assert!(from_saved.lines().count() >= 4, "{from_saved}");
}
