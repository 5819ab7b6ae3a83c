/** The `cchc` command run in-process (through main()), its output captured: what a test reads back. */
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { ...nodeIo(), out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}
