import type { GranskaConfig } from '../config/config.js';
import { resolveScale } from '../profiles/resolve.js';
import { reportSkeleton } from '../profiles/skeleton.js';

/** A profile as the «new report» picker shows it. */
export interface ProfileEntry {
  name: string;
  description: string;
  builtin: boolean;
  /** The configuration's default profile. */
  isDefault: boolean;
}

/** The profiles a folder's configuration knows, its default first. */
export function profileList(config: GranskaConfig): ProfileEntry[] {
  return [...config.profiles.values()]
    .map((p) => ({ name: p.name, description: p.description, builtin: p.builtin, isDefault: p.name === config.profile }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** A new report in a profile's structure; null when the profile is unknown. */
export function skeletonFor(config: GranskaConfig, name: string, today: string): { text: string } | null {
  const profile = config.profiles.get(name);
  if (!profile) return null;
  const scale = resolveScale(undefined, profile, config);
  return { text: reportSkeleton(profile, scale, today) };
}
