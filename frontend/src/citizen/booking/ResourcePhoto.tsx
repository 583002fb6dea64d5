import "./booking.css";

/** A resource's photo with its text alternative, in the proportions every room's photo has here. */
export function ResourcePhoto({ photo, className = "" }: { photo: { url: string; alt: string }; className?: string }) {
  return (
    <img src={photo.url} alt={photo.alt} width={640} height={400} loading="lazy" decoding="async"
      className={`resource-photo ${className}`.trim()} data-testid="resource-photo" />
  );
}

/** The address of a place on OpenStreetMap, searched by its words (no coordinates are kept). */
export function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
