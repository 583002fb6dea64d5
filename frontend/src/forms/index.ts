/** The Form.io form renderer of the citizen area and the operators' app. */
export { FormView, type FormViewProps } from "./FormView";
export { submissionData, withFileLinks, type UploadedFile } from "./files";
