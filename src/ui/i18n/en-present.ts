/** English words for presenting a badge beyond QR (issue 14): the PDF certificate and LinkedIn; spread into en.ts. */
export const presentEn = {
  'present.pdf': 'Download PDF certificate',
  'present.pdfRecord': 'Download PDF learning record ({count, plural, one {# badge} other {# badges}})',
  'present.pdfBusy': 'Making the PDF…',
  'present.pdfDone': 'PDF certificate saved. The signed badge is attached to it, so anyone can check it with Tsumiki.',
  'present.pdfFailed': 'The PDF could not be made: {why}',
  'present.linkedin': 'Add to LinkedIn profile',
  'present.linkedinHint': 'Opens LinkedIn’s own form in a new tab, filled in with this badge and its verify link',
} as const;
