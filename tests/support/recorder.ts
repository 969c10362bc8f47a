/** Records the name of every command a client sends, to assert what a request path does. */
import type { Clients } from '../../functions/core/clients';

export function recordCommands(clients: Clients) {
  const commands: string[] = [];
  const tap = (client: { middlewareStack: { add: (mw: never, opts: never) => void } }) =>
    client.middlewareStack.add(
      ((next: (a: unknown) => unknown, context: { commandName?: string }) => async (args: unknown) => {
        commands.push(context.commandName ?? 'unknown');
        return next(args);
      }) as never,
      { step: 'initialize', name: `recorder-${Math.random()}` } as never,
    );
  tap(clients.ddb as never);
  tap(clients.s3 as never);
  return {
    commands,
    clear: () => commands.splice(0),
    writes: () => commands.filter((c) => /^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(c) || c === 'PutObjectCommand'),
  };
}
