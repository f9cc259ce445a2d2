//! The browser binding: a thin shell over [`crate::extract`] returning plain JS objects.

use crate::{Date, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../www/thidua.d.ts.part");

#[wasm_bindgen]
extern "C" {
    /// The `Options` object of the TypeScript types (www/thidua.d.ts.part), as an argument.
    #[wasm_bindgen(typescript_type = "Options")]
    pub type OptionsArg;

    /// `Object.keys(value)`.
    #[wasm_bindgen(js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Vec<String>;
}

/// Option names `extract` and `parse` accept; any other key is refused (it is a typo).
const OPTION_NAMES: [&str; 3] = ["referenceDate", "maxInputBytes", "summarySentences"];

/// Options as JS passes them: `{ referenceDate?: "YYYY-MM-DD", maxInputBytes?: number,
/// summarySentences?: number }`.
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    reference_date: Option<String>,
    max_input_bytes: Option<usize>,
    summary_sentences: Option<usize>,
}

/// Refuses keys that are not option names (serde-wasm-bindgen only reads the known ones).
fn check_option_names(value: &JsValue) -> Result<(), JsError> {
    if !value.is_object() {
        return Err(JsError::new("thidua: options must be an object"));
    }
    match object_keys(value)
        .into_iter()
        .find(|k| !OPTION_NAMES.contains(&k.as_str()))
    {
        Some(unknown) => Err(JsError::new(&format!(
            "thidua: unknown option {unknown:?} (known: {})",
            OPTION_NAMES.join(", ")
        ))),
        None => Ok(()),
    }
}

fn options_from_js(arg: Option<OptionsArg>) -> Result<Options, JsError> {
    let mut options = Options::default();
    let Some(value) = arg
        .map(JsValue::from)
        .filter(|v| !v.is_undefined() && !v.is_null())
    else {
        return Ok(options);
    };
    check_option_names(&value)?;
    let js: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("thidua: bad options: {e}")))?;
    if let Some(d) = js.reference_date {
        let date: Date = d
            .parse()
            .map_err(|e| JsError::new(&format!("thidua: referenceDate {d}: {e}")))?;
        options.reference_date = Some(date);
    }
    if let Some(n) = js.max_input_bytes {
        options.max_input_bytes = n;
    }
    if let Some(n) = js.summary_sentences {
        options.summary_sentences = n;
    }
    Ok(options)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("thidua: {e}")))
}

/// Reads an article and returns its summary as a plain object. Throws an `Error` when the
/// input is over the size limit or the options are malformed.
#[wasm_bindgen(js_name = extract, unchecked_return_type = "Summary")]
pub fn extract_js(text: &str, options: Option<OptionsArg>) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    let summary =
        crate::extract(text, &options).map_err(|e| JsError::new(&format!("thidua: {e}")))?;
    to_js(&summary)
}

/// Every number, money amount, percentage, ratio, date and time in `text`.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "ParsedValue[]")]
pub fn parse_js(text: &str, options: Option<OptionsArg>) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    to_js(&crate::parse::scan_items(text, options.reference_date))
}

/// Reads an article and renders its fact box for a CMS: `format` is "html" (escaped HTML
/// fragment) or "md" (Markdown).
#[wasm_bindgen(js_name = renderFactBox)]
pub fn render_fact_box_js(
    text: &str,
    options: Option<OptionsArg>,
    #[wasm_bindgen(unchecked_param_type = "\"html\" | \"md\"")] format: &str,
) -> Result<String, JsError> {
    let format: crate::factbox::Format = format
        .parse()
        .map_err(|e: String| JsError::new(&format!("thidua: {e}")))?;
    let options = options_from_js(options)?;
    let summary =
        crate::extract(text, &options).map_err(|e| JsError::new(&format!("thidua: {e}")))?;
    Ok(crate::factbox::render(&summary, format))
}
