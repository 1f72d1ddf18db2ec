import { FakeClientObject, sealed, type ScalarSpec } from './clientObject';
import { FakeOfficeError } from './errors';

/** Fields of a property bag: scalars, nested bags, and methods. */
export type BagField =
  | { readonly kind: 'scalar'; readonly readonly?: boolean; readonly minApi?: string }
  | { readonly kind: 'nav'; readonly schema: BagSchema }
  | {
      readonly kind: 'method';
      readonly minApi?: string;
      /** Runs at sync, or (when `returns`) builds a child proxy at once. */
      readonly run?: (bag: BagProxy, args: readonly unknown[]) => void;
      readonly returns?: (bag: BagProxy, args: readonly unknown[]) => FakeClientObject;
    };
export type BagSchema = Readonly<Record<string, BagField>>;

export const rw = (minApi?: string): BagField => ({ kind: 'scalar', ...(minApi && { minApi }) });
export const ro = (minApi?: string): BagField => ({
  kind: 'scalar',
  readonly: true,
  ...(minApi && { minApi }),
});
export const nav = (schema: BagSchema): BagField => ({ kind: 'nav', schema });

/** Where a bag's properties live in the document: by path below the bag's owner (`fill.color`). */
export interface BagStore {
  read(path: string): unknown;
  write(path: string, value: unknown): void;
}

/**
 * A schema-driven proxy for the many small objects that are only bags of properties in Excel's API
 * (`RangeFormat`, `RangeFill`, `RangeFont`, `RangeBorder`, `PageLayout`, `HeaderFooter`,
 * `ConditionalFormat`, `DataValidation`…). Properties are defined on the instance from the schema, so
 * assigning one the fake does not model throws.
 */
export class BagProxy extends FakeClientObject {
  constructor(
    parent: FakeClientObject,
    name: string,
    readonly _store: BagStore,
    readonly _prefix: string,
    readonly _schema: BagSchema,
    readonly _minApi: string,
    resolver: () => unknown = () => parent._resolve(),
  ) {
    super(parent.context, parent, name, [], resolver);
    Object.setPrototypeOf(this, prototypeFor(_schema));
  }

  override _scalarSpecs(): Map<string, ScalarSpec> {
    const specs = new Map<string, ScalarSpec>();
    for (const [field, spec] of Object.entries(this._schema)) {
      if (spec.kind === 'scalar')
        specs.set(field, { ...(spec.readonly && { readonly: true }), minApi: spec.minApi ?? this._minApi });
    }
    return specs;
  }

  override _read(name: string): unknown {
    return this._store.read(`${this._prefix}${name}`);
  }

  override _write(name: string, value: unknown): void {
    this._resolve();
    if (value === null || value === undefined)
      throw new FakeOfficeError('InvalidArgument', `${name} cannot be set to null`);
    this._store.write(`${this._prefix}${name}`, value);
  }

  /** A nested bag under a path computed from method arguments (`borders.getItem('EdgeTop')`). */
  subBag(name: string, prefix: string, schema: BagSchema): BagProxy {
    return sealed(new BagProxy(this, name, this._store, prefix, schema, this._minApi));
  }
}

/** One prototype per schema, holding its accessors and methods (defined once, not per object). */
const PROTOTYPES = new WeakMap<BagSchema, object>();
function prototypeFor(schema: BagSchema): object {
  const known = PROTOTYPES.get(schema);
  if (known) return known;
  const proto = Object.create(BagProxy.prototype) as object;
  for (const [field, spec] of Object.entries(schema)) {
    if (spec.kind === 'scalar') {
      Object.defineProperty(proto, field, {
        enumerable: true,
        get(this: BagProxy) {
          return this._get(field);
        },
        set(this: BagProxy, value: unknown) {
          if (spec.readonly)
            throw new FakeOfficeError('InvalidArgument', `Cannot update read-only property ${field}`);
          this._set(field, value, spec.minApi ?? this._minApi);
        },
      });
    } else if (spec.kind === 'nav') {
      Object.defineProperty(proto, field, {
        enumerable: true,
        get(this: BagProxy) {
          return this._child(
            field,
            () =>
              new BagProxy(this, field, this._store, `${this._prefix}${field}.`, spec.schema, this._minApi),
          );
        },
      });
    } else {
      Object.defineProperty(proto, field, {
        value(this: BagProxy, ...args: unknown[]) {
          if (spec.returns) return spec.returns(this, args);
          this._call(field, args, spec.minApi ?? this._minApi, () => {
            this._resolve();
            spec.run?.(this, args);
          });
          return undefined;
        },
      });
    }
  }
  PROTOTYPES.set(schema, proto);
  return proto;
}
