"use client";

import { type ChangeEvent, type KeyboardEvent, useId, useState } from "react";
import { cn } from "@/lib/client/class-names";
import { formatInteger } from "./format";

export interface TagOption {
  value: string;
  count?: number;
}

interface TagPickerProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Values to offer, e.g. those present in the data with how many profiles have each. */
  options?: TagOption[];
  hint?: string;
  error?: string;
  /** How many not-yet-chosen options to show as one-click suggestions. */
  suggestions?: number;
}

/**
 * A multi-value field: type a value and press Enter (or comma), pick one from the list the browser offers,
 * or press a suggestion. Chosen values are buttons that remove themselves; Backspace in an empty box removes the last.
 */
export function TagPicker({
  label,
  values,
  onChange,
  options = [],
  hint,
  error,
  suggestions = 6,
}: TagPickerProps) {
  const id = useId();
  const [text, setText] = useState("");
  const listId = `${id}-options`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const add = (raw: string) => {
    const typed = raw.trim();
    if (!typed) return;
    const known = options.find((option) => option.value.toLowerCase() === typed.toLowerCase());
    const value = known?.value ?? typed;
    if (!values.includes(value)) onChange([...values, value]);
    setText("");
  };
  const remove = (value: string) => onChange(values.filter((v) => v !== value));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      if (!text.trim()) return;
      event.preventDefault();
      add(text);
    } else if (event.key === "Backspace" && !text && values.length) {
      remove(values[values.length - 1]);
    }
  };
  // Choosing an entry of the browser's list replaces the text without a key press: take it at once.
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    const native = event.nativeEvent as InputEvent;
    if (native.inputType === "insertReplacementText" || (native.inputType === undefined && next)) {
      if (options.some((option) => option.value === next)) {
        add(next);
        return;
      }
    }
    setText(next);
  };

  const offered = options.filter((option) => !values.includes(option.value)).slice(0, suggestions);
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div
        className={cn(
          "flex flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 shadow-sm focus-within:border-indigo-500",
          error && "border-red-500",
        )}
      >
        {values.map((value) => (
          <span
            key={value}
            className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2 text-sm text-indigo-800"
          >
            {value}
            <button
              type="button"
              onClick={() => remove(value)}
              aria-label={`Remove ${value} from ${label}`}
              className="rounded-full px-1 text-indigo-600 hover:bg-indigo-100"
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          list={options.length ? listId : undefined}
          value={text}
          onChange={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => add(text)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          placeholder={values.length ? "" : "Type and press Enter"}
          className="min-w-24 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm outline-none placeholder:text-slate-400"
        />
        {options.length ? (
          <datalist id={listId}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.count !== undefined ? `${option.value} (${formatInteger(option.count)})` : undefined}
              </option>
            ))}
          </datalist>
        ) : null}
      </div>
      {offered.length ? (
        <div className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
          <span aria-hidden>Suggestions:</span>
          {offered.map((option) => (
            <button
              key={option.value}
              type="button"
              onClick={() => add(option.value)}
              className="rounded-full border border-slate-200 bg-white px-2 py-0.5 text-slate-700 hover:border-indigo-300 hover:bg-indigo-50"
            >
              <span className="sr-only">Add to {label}: </span>
              {option.value}
              {option.count !== undefined ? (
                <span className="text-slate-500"> · {formatInteger(option.count)}</span>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
