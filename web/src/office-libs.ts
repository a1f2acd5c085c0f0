// The Word and Excel writers' libraries (docx, exceljs: four fifths of the page's code) ride in the
// page gzipped (scripts/build-web.mjs) and are unpacked and run on the first docx or xlsx export:
// the page stays small and opens fast, and still fetches nothing.
import { gunzipSync, strFromU8 } from 'fflate';

export const OFFICE_LIBS_ID = 'fengong-office-libs';

declare global {
  // set by the unpacked script (web/src/office-entry.ts)
  var __fengongOffice: { docx: unknown; exceljs: unknown } | undefined;
}

export async function loadOfficeLibraries(): Promise<void> {
  if (globalThis.__fengongOffice) return;
  const packed = document.getElementById(OFFICE_LIBS_ID)?.textContent?.trim();
  if (!packed) throw new Error(`${OFFICE_LIBS_ID} is missing from the page: rebuild it with npm run build`);
  const bin = atob(packed);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const script = document.createElement('script');
  script.textContent = strFromU8(gunzipSync(bytes));
  document.head.append(script); // runs at once, as the page's own inline scripts do
  script.remove();
  if (!globalThis.__fengongOffice) throw new Error('the office libraries did not load');
}
