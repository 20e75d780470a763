import { names } from '@nx/devkit';

/** The same rule as the protocol's `VendorName`, minus leading, trailing or doubled dashes. */
const VENDOR_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Every spelling of a vendor the generated files need. */
export interface VendorNames {
  /** `amazon-connect`: folder, `vendor` field, registry key. */
  vendor: string;
  /** `AmazonConnect`: in `createAmazonConnectAdapter`. */
  className: string;
  /** `AMAZON_CONNECT`: constants and environment variables. */
  constantName: string;
  /** `adapter-amazon-connect`: the Nx project. */
  projectName: string;
  /** `@icc/adapter-amazon-connect`. */
  importPath: string;
  /** `libs/adapters/amazon-connect`. */
  projectRoot: string;
}

export function vendorNames(name: string): VendorNames {
  if (!VENDOR_NAME.test(name) || name.length > 40) {
    throw new Error(
      `"${name}" is not a vendor name: use lower-case letters, digits and single dashes, starting with a letter, at most 40 characters (e.g. five9, amazon-connect)`,
    );
  }
  const spelled = names(name);
  return {
    vendor: name,
    className: spelled.className,
    constantName: spelled.constantName,
    projectName: `adapter-${name}`,
    importPath: `@icc/adapter-${name}`,
    projectRoot: `libs/adapters/${name}`,
  };
}
