/** The public face of this area: other areas import only this file (decision 0008). */
export { attachmentStorage } from "./storage.server";
export { checkUploadedFile, deleteUnrecordedFileJob, regionStorageQuotaBytes, storeUpload, type UploadKind, type UploadRefusal } from "./uploads.server";
