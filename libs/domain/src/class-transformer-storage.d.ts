/** class-transformer 0.5 keeps the @Type and @Transform metadata in a storage that its index does not export. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
