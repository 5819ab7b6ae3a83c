/** `cchc …` run through main() as a user runs it, with its output and exit status captured. */
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { ...nodeIo(), out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}
