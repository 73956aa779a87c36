/**
 * The text of a PDF, extracted by pdf-parse (pdf.js) in a child Node process: pdf.js loads its worker by a
 * dynamic import, which Jest's module sandbox refuses. For tests and the sample's check, never the API.
 */
import { execFileSync } from 'node:child_process';

const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

export function pdfText(pdf: Buffer): string {
  return execFileSync(process.execPath, ['-e', SCRIPT], { input: pdf, cwd: __dirname, encoding: 'utf8', maxBuffer: 16 << 20 });
}
