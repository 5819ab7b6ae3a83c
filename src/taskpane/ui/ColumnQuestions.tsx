/**
 * Tổng hợp's questions: for a unit's sheet whose «Số liệu» could be one of several columns
 * ("Số liệu" over two unlabeled sub-columns, two columns headed alike), which one holds this
 * period's figures. The sheet was left out until answered; the answers are remembered for that
 * unit's layout (../column-choices) and the rollup is run again with them.
 */
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { NO_COLUMN, type ColumnQuestion } from "../backend";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "10px" },
  question: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: "8px", minWidth: 0, wordBreak: "break-word" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

function candidateLabel(c: ColumnQuestion["candidates"][number]): string {
  const header = c.header ? `«${c.header}»` : "(không có tiêu đề)";
  const samples = c.samples.length ? ` — ${c.samples.join("; ")}…` : " — trống";
  return `Cột ${c.letter} ${header}${samples}`;
}

export function ColumnQuestions({
  questions,
  disabled,
  onApply,
}: {
  questions: readonly ColumnQuestion[];
  disabled: boolean;
  /** Called with the answers given (question key → column): remember them and consolidate again. */
  onApply: (answers: Record<string, number>) => void;
}) {
  const styles = useStyles();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  if (!questions.length) return null;
  const answered = questions.filter((q) => answers[q.key] !== undefined).length;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Cần chọn cột số liệu</MessageBarTitle>
        <div className={styles.box}>
          <Text size={200}>
            {questions.length === 1 ? "Một trang tính" : `${questions.length} trang tính`} có nhiều cột có thể là số liệu của kỳ báo cáo nên chưa được tổng hợp.
            Hãy chọn cột chứa số liệu của kỳ này; lựa chọn được ghi nhớ cho đơn vị và mẫu bảng đó ở các lần tổng hợp sau.
          </Text>
          {questions.map((q) => (
            <Field
              key={q.key}
              className={styles.question}
              label={`${q.unit}: cột nào chứa số liệu «${q.column}» của kỳ này?`}
              hint={`${q.file}, trang «${q.sheet}», ${q.form}`}
            >
              <RadioGroup
                value={answers[q.key] === undefined ? "" : String(answers[q.key])}
                onChange={(_, d) => setAnswers((a) => ({ ...a, [q.key]: Number(d.value) }))}
                disabled={disabled}
              >
                {q.candidates.map((c) => (
                  <Radio key={c.col} value={String(c.col)} label={candidateLabel(c)} />
                ))}
                <Radio value={String(NO_COLUMN)} label="Không cột nào (coi như chưa báo cáo)" />
              </RadioGroup>
            </Field>
          ))}
          <div className={styles.row}>
            <Button appearance="primary" disabled={disabled || answered === 0} onClick={() => onApply(answers)}>
              Dùng cột đã chọn và tổng hợp lại
            </Button>
            <Text size={200} className={styles.small} aria-live="polite">
              Đã chọn {answered}/{questions.length}
            </Text>
          </div>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
