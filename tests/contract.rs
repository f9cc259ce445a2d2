//! The Rust output types (src/model.rs) and the JSON Schema (schema/summary.schema.json) describe
//! the same contract: every object serialises exactly the properties its schema lists, all of
//! them required, and the closed sets of the model match the schema's enums.

use serde_json::{json, Value};
use thidua::*;

fn schema() -> Value {
    let text = include_str!("../schema/summary.schema.json");
    serde_json::from_str(text).expect("schema/summary.schema.json is valid JSON")
}

/// Follows a `$ref` to its definition.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/$defs/");
            resolve(schema, &schema["$defs"][name])
        }
        None => node,
    }
}

/// The object schema a node stands for (through `$ref` and `anyOf`), if any.
fn object_schema<'a>(schema: &'a Value, node: &'a Value) -> Option<&'a Value> {
    let node = resolve(schema, node);
    if node.get("properties").is_some() {
        return Some(node);
    }
    node.get("anyOf")?
        .as_array()?
        .iter()
        .find_map(|alternative| object_schema(schema, alternative))
}

/// The item schema of an array node.
fn items<'a>(schema: &'a Value, node: &'a Value) -> Option<&'a Value> {
    resolve(schema, node).get("items")
}

fn sorted_keys<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut keys: Vec<String> = keys.cloned().collect();
    keys.sort();
    keys
}

/// Walks `value` along `node`, checking every object's keys against the schema.
fn check(schema: &Value, node: &Value, value: &Value, path: &str, seen: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            let object = object_schema(schema, node)
                .unwrap_or_else(|| panic!("{path}: an object where the schema has none"));
            let properties = object["properties"].as_object().expect("properties");
            assert_eq!(
                sorted_keys(fields.keys()),
                sorted_keys(properties.keys()),
                "{path}: serialised fields differ from the schema's properties"
            );
            let mut required: Vec<String> = object["required"]
                .as_array()
                .unwrap_or_else(|| panic!("{path}: no `required` list"))
                .iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect();
            required.sort();
            assert_eq!(
                required,
                sorted_keys(properties.keys()),
                "{path}: every field is required"
            );
            assert_eq!(
                object["additionalProperties"],
                json!(false),
                "{path}: must be strict"
            );
            seen.push(path.to_string());
            for (key, field) in fields {
                check(
                    schema,
                    &properties[key],
                    field,
                    &format!("{path}.{key}"),
                    seen,
                );
            }
        }
        Value::Array(list) => {
            let item = items(schema, node).unwrap_or_else(|| panic!("{path}: no items schema"));
            for (i, element) in list.iter().enumerate() {
                check(schema, item, element, &format!("{path}[{i}]"), seen);
            }
        }
        _ => {}
    }
}

fn span() -> Option<Span> {
    Some(Span { start: 1, end: 2 })
}

/// A summary with one element in every list and every optional object present.
fn populated_summary() -> Summary {
    Summary {
        title_span: span(),
        lead_span: span(),
        authors: vec!["A".into()],
        event: Event {
            span: span(),
            chaired_by: vec!["B".into()],
            attended_by: vec!["C".into()],
            ..Event::default()
        },
        people: vec![Person {
            mentions: vec![Span::default()],
            ..Person::default()
        }],
        organizations: vec![Entity {
            mentions: vec![Span::default()],
            ..Entity::default()
        }],
        places: vec![Entity::default()],
        abbreviations: vec![Abbreviation {
            mentions: vec![Span::default()],
            ..Abbreviation::default()
        }],
        figures: vec![Figure::default()],
        awards: vec![Award::default()],
        documents: vec![DocumentRef::default()],
        movements: vec![Movement::default()],
        clusters: vec![ClusterFact::default()],
        summary: vec![Sentence::default()],
        body: vec![Paragraph::default()],
        removed: vec![Removed::default()],
        warnings: vec![Warning::default()],
        ..Summary::default()
    }
}

#[test]
fn every_model_object_has_exactly_the_schema_properties() {
    let schema = schema();
    let value = serde_json::to_value(populated_summary()).expect("serialises");
    let mut seen = Vec::new();
    check(&schema, &schema, &value, "Summary", &mut seen);
    // The walk reached every kind of object: the root, event, spans and each list's items.
    for path in [
        "Summary",
        "Summary.event",
        "Summary.title_span",
        "Summary.figures[0]",
    ] {
        assert!(seen.iter().any(|p| p == path), "{path} was not checked");
    }
    assert!(seen.len() >= 20, "only {} objects checked", seen.len());
}

#[test]
fn parsed_values_have_exactly_the_schema_properties() {
    let schema = schema();
    let node = json!({ "type": "array", "items": { "$ref": "#/$defs/ParsedValue" } });
    let values = thidua::parse::scan_items("gần 3.200 tỷ đồng, 8,3% ngày 29/12/2022", None);
    assert!(
        values.len() >= 2,
        "the sample has several values: {values:?}"
    );
    let value = serde_json::to_value(&values).expect("serialises");
    let mut seen = Vec::new();
    check(&schema, &node, &value, "values", &mut seen);
    assert!(seen.len() >= values.len() * 2);
}

#[test]
fn award_types_match_the_schema_enum() {
    let schema = schema();
    let listed: Vec<&str> = schema["$defs"]["AwardType"]["enum"]
        .as_array()
        .expect("AwardType enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(listed, AWARD_TYPES.to_vec());
}

#[test]
fn contract_version_matches_the_schema() {
    let schema = schema();
    assert_eq!(
        schema["properties"]["version"]["const"],
        json!(CONTRACT_VERSION)
    );
}
