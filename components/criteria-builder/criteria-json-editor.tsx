"use client";

import { useEffect, useRef, useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { compareText } from "@/components/ui/format";

/** JSON with object keys sorted, so that two equal criteria compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compareText(a, b)))
      : inner,
  );
}

function parseObject(text: string): { value?: Record<string, unknown>; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { error: 'The criteria must be a JSON object, e.g. {"interests": ["fitness"]}.' };
    }
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

interface CriteriaJsonEditorProps {
  criteria: Record<string, unknown>;
  onChange: (criteria: Record<string, unknown>) => void;
  error?: string;
}

/**
 * The criteria as editable JSON, in step with the form both ways. Invalid text stays in the box with
 * its error and changes nothing; the text is rewritten from the form only when the form means something else.
 */
export function CriteriaJsonEditor({ criteria, onChange, error }: CriteriaJsonEditorProps) {
  const [text, setText] = useState(() => JSON.stringify(criteria, null, 2));
  const [parseError, setParseError] = useState<string>();
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    const parsed = parseObject(textRef.current).value;
    if (parsed && canonical(parsed) === canonical(criteria)) return;
    setText(JSON.stringify(criteria, null, 2));
    setParseError(undefined);
  }, [criteria]);

  return (
    <TextAreaField
      label="Criteria JSON"
      rows={Math.min(24, Math.max(6, text.split("\n").length + 1))}
      spellCheck={false}
      style={{ fontFamily: "var(--font-mono)" }}
      value={text}
      error={parseError ?? error}
      hint="Changes here update the form as soon as the JSON is valid."
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parseObject(next);
        setParseError(parsed.error);
        if (parsed.value) onChange(parsed.value);
      }}
    />
  );
}
