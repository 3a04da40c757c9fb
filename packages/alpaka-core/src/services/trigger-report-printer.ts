import type { PathReport, TriggerReport } from '../scheduling/trigger-report';

/**
 * CMSSW's TrigReport (Schedule::endJob with wantSummary): the event summary, the Path and End-Path summaries,
 * the modules of each path and the module summary, in CMSSW's column layout (right-aligned in ten characters,
 * the trigger bit as two five-character fields: 1 for a path, 0 for an end path, then the bit).
 */
export function formatTriggerReport(report: TriggerReport): string {
  const lines: string[] = [];
  const line = (text = '') => lines.push(text === '' ? '' : `TrigReport ${text}`);

  line('---------- Event  Summary ------------');
  // Without trigger paths CMSSW counts every event as passed.
  if (report.paths.length > 0) {
    line(`Events total = ${report.eventsTotal} passed = ${report.eventsPassed} failed = ${report.eventsFailed}`);
  } else {
    line(`Events total = ${report.eventsTotal} passed = ${report.eventsTotal} failed = 0`);
  }

  line();
  line('---------- Path   Summary ------------');
  line(header('Executed'));
  for (const path of report.paths) line(pathRow(1, path));
  line();
  line('-------End-Path   Summary ------------');
  line(header('Executed'));
  for (const path of report.endPaths) line(pathRow(0, path));

  for (const [isTrigger, paths] of [
    [1, report.paths],
    [0, report.endPaths],
  ] as const) {
    for (const path of paths) {
      line();
      line(
        isTrigger
          ? `---------- Modules in Path: ${path.name} ------------`
          : `------ Modules in End-Path: ${path.name} ------------`,
      );
      line(header('Visited'));
      for (const module of path.modules) {
        line(
          `${right(isTrigger, 5)}${right(path.bit, 5)} ${right(module.visited)} ${right(module.passed)} ` +
            `${right(module.failed)} ${right(module.error)} ${module.label}`,
        );
      }
    }
  }

  line();
  line('---------- Module Summary ------------');
  line(`${right('Visited')} ${right('Executed')} ${right('Passed')} ${right('Failed')} ${right('Error')} Name`);
  for (const module of report.modules) {
    line(
      `${right(module.visited)} ${right(module.run)} ${right(module.passed)} ${right(module.failed)} ` +
        `${right(module.error)} ${module.label}`,
    );
  }
  line();
  return `${lines.join('\n')}\n`;
}

function header(secondColumn: string): string {
  return `${right('Trig Bit#')} ${right(secondColumn)} ${right('Passed')} ${right('Failed')} ${right('Error')} Name`;
}

function pathRow(isTrigger: 0 | 1, path: PathReport): string {
  return (
    `${right(isTrigger, 5)}${right(path.bit, 5)} ${right(path.visited)} ${right(path.passed)} ` +
    `${right(path.failed)} ${right(path.error)} ${path.name}`
  );
}

/** std::right << std::setw(width): padded on the left, never cut. */
function right(value: string | number, width = 10): string {
  return String(value).padStart(width);
}
