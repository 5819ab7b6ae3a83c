import type { FormInput } from "../schema";

/** Placeholder: filled by the transcription of its seed. */
export const forms: FormInput[] = [];
