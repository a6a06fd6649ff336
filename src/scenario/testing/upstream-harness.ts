/**
 * The command every container, hook and probe of upstream's node e2e lifecycle tests runs, as
 * test/e2e_node/container_lifecycle_pod_construction.go ExecCommand writes it: it logs, traps
 * TERM (sleeping TerminationSeconds, then exiting with ExitCode), sleeps StartDelay in the
 * background, touches `started`, sleeps Delay, optionally loops forever, and exits with ExitCode.
 */

export interface ExecCommand {
  ExitCode?: number;
  StartDelay?: number;
  Delay?: number;
  LoopForever?: boolean;
  TerminationSeconds?: number;
  /** The container whose log a hook or probe appends to. */
  ContainerName?: string;
}

export function execCommand(name: string, c: ExecCommand): string[] {
  const { ExitCode = 0, StartDelay = 0, Delay = 0, LoopForever = false, TerminationSeconds = 0 } = c;
  const timeCmd = "`date -u +%FT$(nmeter -d0 '%3t' | head -n1)Z`";
  const containerLog = `/persistent/${c.ContainerName ?? name}.log`;
  let cmd = `touch ${containerLog}; `;
  if (!c.ContainerName) cmd += `cat ${containerLog} >> /proc/1/fd/1; `;
  cmd += `echo ${timeCmd} '${name} Starting ${StartDelay}' | tee -a ${containerLog} >> /proc/1/fd/1; `;
  cmd += `_term() { sleep ${TerminationSeconds}; echo ${timeCmd} '${name} Exiting' | tee -a ${containerLog} >> /proc/1/fd/1; exit ${ExitCode}; }; `;
  cmd += 'trap _term TERM; ';
  if (StartDelay !== 0) cmd += sleepCommand(StartDelay);
  cmd += 'touch started; ';
  cmd += `echo ${timeCmd} '${name} Started' | tee -a ${containerLog} >> /proc/1/fd/1; `;
  cmd += `echo ${timeCmd} '${name} Delaying ${Delay}' | tee -a ${containerLog} >> /proc/1/fd/1; `;
  if (Delay !== 0) cmd += sleepCommand(Delay);
  if (LoopForever) cmd += `while true; do echo ${timeCmd} '${name} Looping' | tee -a ${containerLog} >> /proc/1/fd/1 ; sleep 1 ; done; `;
  cmd += `echo ${timeCmd} '${name} Exiting'  | tee -a ${containerLog} >> /proc/1/fd/1; `;
  cmd += `exit ${ExitCode}`;
  return ['sh', '-c', cmd];
}

/** Sleeps in the background and waits, so that the shell can run its trap at once. */
function sleepCommand(seconds: number): string {
  return `exec sleep ${seconds} & wait $!; `;
}
