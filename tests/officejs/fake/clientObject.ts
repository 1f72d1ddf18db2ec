import { FakeOfficeError } from './errors';
import type { FakeRequestContext } from './runtime';

/** One queued command of a batch, run against the document at `context.sync()`. */
export interface FakeAction {
  readonly owner: FakeClientObject;
  readonly kind: 'set' | 'call' | 'load' | 'instantiate';
  readonly name: string;
  readonly args: readonly unknown[];
  /** The ExcelApi requirement set the command belongs to (`1.1` … `1.13`). */
  readonly minApi: string;
  readonly run: (results: PendingResults) => void;
}

/** Loaded values of one sync, handed to the proxies only when the whole sync succeeded. */
export class PendingResults {
  private readonly values: { object: FakeClientObject; name: string; value: unknown }[] = [];
  private readonly nulls: { object: FakeClientObject; isNull: boolean }[] = [];

  set(object: FakeClientObject, name: string, value: unknown): void {
    this.values.push({ object, name, value });
  }

  setNull(object: FakeClientObject, isNull: boolean): void {
    this.nulls.push({ object, isNull });
  }

  /** The response as office.js would receive it (for the response size limit). */
  toJSON(): unknown {
    return this.values.map(({ name, value }) => ({
      [name]: value instanceof FakeClientObject ? null : value,
    }));
  }

  commit(): void {
    for (const { object, isNull } of this.nulls) object._isNull = isNull;
    for (const { object, name, value } of this.values) object._loaded.set(name, value);
  }
}

export interface ScalarSpec {
  readonly readonly?: boolean;
  readonly minApi?: string;
}
const SCALARS = new WeakMap<object, Map<string, ScalarSpec>>();

/**
 * Declare scalar properties on a proxy class: reading one throws `PropertyNotLoaded` until it was loaded
 * and synced (or set locally, as office.js caches a value it sets); setting one queues a command.
 */
export function defineScalars(
  target: { prototype: FakeClientObject },
  specs: Readonly<Record<string, ScalarSpec>>,
): void {
  const known = new Map(SCALARS.get(Object.getPrototypeOf(target.prototype) as object) ?? []);
  for (const [name, spec] of Object.entries(specs)) {
    known.set(name, spec);
    Object.defineProperty(target.prototype, name, {
      configurable: true,
      get(this: FakeClientObject) {
        return this._get(name);
      },
      set(this: FakeClientObject, value: unknown) {
        if (spec.readonly)
          throw new FakeOfficeError('InvalidArgument', `Cannot update read-only property ${name}`);
        this._set(name, value, spec.minApi ?? '1.1');
      },
    });
  }
  SCALARS.set(target.prototype, known);
}

export const scalarsOf = (object: FakeClientObject): Map<string, ScalarSpec> =>
  SCALARS.get(Object.getPrototypeOf(object) as object) ?? new Map();

/** Refuse assignments to properties the fake does not model (strict mode throws a TypeError). */
export const sealed = <T extends object>(object: T): T => Object.preventExtensions(object);

/**
 * A proxy for an object in the workbook, as office.js has them: created from the context or another proxy,
 * resolved (and bound to its document object) when the first command using it runs, read only after
 * `load` + `sync`. `*OrNullObject` proxies report `isNullObject` after a sync.
 */
export class FakeClientObject {
  _bound = false;
  _target: unknown = undefined;
  _isNull: boolean | undefined = undefined;
  readonly _loaded = new Map<string, unknown>();
  readonly _children = new Map<string, FakeClientObject>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _parent: FakeClientObject | null,
    /** How office.js would describe this object's path (for the request payload). */
    readonly _pathName: string,
    readonly _pathArgs: readonly unknown[],
    private readonly _resolver: () => unknown,
    readonly _nullable = false,
    /** The requirement set of the method that made this object: checked when it is first used at sync. */
    readonly _creationApi = '1.1',
  ) {
    if (_nullable) {
      context._enqueue({
        owner: this,
        kind: 'instantiate',
        name: _pathName,
        args: [],
        minApi: _creationApi,
        run: (results) => results.setNull(this, this._resolveOrNull() === null),
      });
    }
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined)
      throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject is known after context.sync()');
    return this._isNull;
  }

  /** The document object, or null for a null object; binds on first use. */
  _resolveOrNull<T>(): T | null {
    if (!this._bound) {
      if (!this.context._host.supports(this._creationApi))
        throw new FakeOfficeError('ApiNotFound', `${this._pathName} needs ExcelApi ${this._creationApi}`);
      this._target = this._resolver();
      this._bound = true;
    }
    return (this._target ?? null) as T | null;
  }

  _resolve<T>(): T {
    const target = this._resolveOrNull<T>();
    if (target === null)
      throw new FakeOfficeError('ItemNotFound', `${this._pathName} does not exist (null object)`);
    this._checkAlive(target);
    return target;
  }

  /** Subclasses: throw when the bound object was since deleted. */
  _checkAlive(_target: unknown): void {}

  _child<T extends FakeClientObject>(name: string, make: () => T): T {
    let child = this._children.get(name);
    if (!child) this._children.set(name, (child = sealed(make())));
    return child as T;
  }

  _get(name: string): unknown {
    if (this._loaded.has(name)) return this._loaded.get(name);
    throw new FakeOfficeError(
      'PropertyNotLoaded',
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }

  _set(name: string, value: unknown, minApi: string): void {
    this._loaded.set(name, value);
    this.context._enqueue({
      owner: this,
      kind: 'set',
      name,
      args: [value],
      minApi,
      run: () => this._write(name, value),
    });
  }

  _call(
    name: string,
    args: readonly unknown[],
    minApi: string,
    run: (results: PendingResults) => void,
  ): void {
    this.context._enqueue({ owner: this, kind: 'call', name, args, minApi, run });
  }

  _read(name: string): unknown {
    throw new FakeOfficeError('ApiNotFound', `${this._pathName}.${name} is not modelled by the fake`);
  }

  _write(name: string, _value: unknown): void {
    throw new FakeOfficeError('ApiNotFound', `${this._pathName}.${name} is not modelled by the fake`);
  }

  load(option?: string | readonly string[] | { readonly select?: string }): this {
    const text =
      typeof option === 'string'
        ? option
        : Array.isArray(option)
          ? option.join(',')
          : (option as { select?: string } | undefined)?.select;
    const paths = (text ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    this.context._enqueue({
      owner: this,
      kind: 'load',
      name: 'load',
      args: [{ Select: paths }],
      minApi: '1.1',
      run: (results) => this._loadInto(paths, results),
    });
    return this;
  }

  _loadInto(paths: readonly string[], results: PendingResults): void {
    const scalars = this._scalarSpecs();
    const wanted = paths.length > 0 ? paths : [...scalars.keys()];
    if (this._nullable && this._resolveOrNull() === null) {
      results.setNull(this, true);
      for (const path of wanted) if (!path.includes('/')) results.set(this, path, null);
      return;
    }
    if (this._nullable) results.setNull(this, false);
    this._resolve();
    for (const path of wanted) {
      const [head = '', ...rest] = path.split('/');
      if (rest.length > 0) {
        const child: unknown = Reflect.get(this, head);
        if (!(child instanceof FakeClientObject))
          throw new FakeOfficeError('InvalidArgument', `Cannot load ${path}`);
        child._loadInto([rest.join('/')], results);
        continue;
      }
      const spec = scalars.get(head);
      if (!spec) throw new FakeOfficeError('InvalidArgument', `Unknown property ${this._pathName}.${head}`);
      if (!this.context._host.supports(spec.minApi ?? '1.1'))
        throw new FakeOfficeError('ApiNotFound', `${head} needs ExcelApi ${spec.minApi}`);
      results.set(this, head, this._read(head));
    }
  }

  _scalarSpecs(): Map<string, ScalarSpec> {
    return scalarsOf(this);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}
