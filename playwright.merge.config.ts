/**
 * Reporters for `playwright merge-reports` (sharded runs): the same outputs as a single run,
 * under WAVECRAFT_REPORTS_DIR (default reports/).
 */
const dir = process.env['WAVECRAFT_REPORTS_DIR'] ?? 'reports';

export default {
  testDir: 'specs',
  reporter: [
    ['list'],
    ['html', { outputFolder: `${dir}/html`, open: 'never' }],
    ['junit', { embedAnnotationsAsProperties: true, outputFile: `${dir}/junit.xml` }],
    ['./harness/report/summaryReporter.ts', { outputFile: `${dir}/summary.json` }],
  ],
};
