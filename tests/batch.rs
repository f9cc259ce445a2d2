//! `extract_each` reads a batch stage by stage and must give, for every input, exactly what
//! `extract` gives for it alone: on real and synthetic articles, with odd inputs and inputs
//! over the size limit mixed in, under several options.

mod support;

use thidua::{extract, extract_each, Date, Options};

/// The inputs of a batch: the articles with odd inputs between them (empty, HTML only,
/// another language, white space, an input over a limit of 20 000 bytes).
fn mixed_inputs() -> Vec<String> {
    let odd = [
        String::new(),
        "<html><body><div></div></body></html>".to_string(),
        "The quick brown fox jumps over the lazy dog.".to_string(),
        " \n\t ".to_string(),
        "Đại hội thi đua yêu nước. ".repeat(1000),
    ];
    let articles = support::articles();
    assert!(articles.len() >= 3, "{}", articles.len());
    let mut inputs = Vec::new();
    for (k, article) in articles.into_iter().enumerate() {
        inputs.push(article);
        inputs.push(odd[k % odd.len()].clone());
    }
    inputs
}

fn options() -> [Options; 3] {
    [
        Options::default(),
        Options {
            max_input_bytes: 20_000,
            summary_sentences: 2,
            ..Options::default()
        },
        Options {
            reference_date: Date::new(2023, 6, 15),
            ..Options::default()
        },
    ]
}

#[test]
fn a_batch_reads_every_input_as_extract_does_alone() {
    let inputs = mixed_inputs();
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    for options in options() {
        let batch = extract_each(&refs, &options);
        assert_eq!(batch.len(), refs.len());
        let mut refused = 0;
        for (input, got) in refs.iter().zip(&batch) {
            let alone = extract(input, &options);
            refused += usize::from(alone.is_err());
            assert_eq!(got, &alone, "{:?}", &input[..input.len().min(80)]);
        }
        // The small limit refuses some inputs, and the batch goes on after them.
        assert_eq!(refused > 0, options.max_input_bytes == 20_000, "{refused}");
    }
}

#[test]
fn batches_of_any_size_agree() {
    let inputs = mixed_inputs();
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let options = Options::default();
    let whole = extract_each(&refs, &options);
    for size in [1, 2, 5] {
        let parts: Vec<_> = refs
            .chunks(size)
            .flat_map(|c| extract_each(c, &options))
            .collect();
        assert_eq!(parts, whole, "batches of {size}");
    }
    assert!(extract_each(&[], &options).is_empty());
}
