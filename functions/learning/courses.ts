/**
 * What the learning context knows of courses: the current catalogue entry (META: version,
 * status, capacity, programme) from the table, and the content of any version from its
 * immutable snapshot in the content bucket (courses/<code>/<version>/snapshot.json, written by
 * the content sync). A learner is always served the version pinned on their enrolment.
 *
 * Snapshots never change once written, so each Lambda instance keeps the ones it has read
 * (a few dozen, least recently used first out).
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CourseDetail } from '../catalogue/api';
import { courseSnapshotKey, type CourseSnapshot } from '../catalogue/keys';
import { TRAINING_RULES_SK } from '../catalogue/keys';
import { CATALOGUE_PK, META, coursePk } from '../catalogue/keys';
import type { TrainingRules } from './training';

export type CourseEntry = CourseDetail;

export type CourseVersion = {
  snapshot: CourseSnapshot;
  /** Lesson ids in reading order, and the required ones. */
  lessonOrder: string[];
  required: string[];
};

const KEEP_SNAPSHOTS = 64;
const RULES_TTL_MS = 5 * 60_000;

export function courseVersions(ddb: DynamoDBDocumentClient, s3: S3Client, tableName: string, bucket: string) {
  const snapshots = new Map<string, Promise<CourseVersion>>();
  let rules: { value: Promise<TrainingRules>; at: number } | undefined;

  async function readSnapshot(code: string, version: string): Promise<CourseVersion> {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: courseSnapshotKey(code, version) }));
    const snapshot = JSON.parse(await out.Body!.transformToString()) as CourseSnapshot;
    const lessons = snapshot.course.modules.flatMap((m) => m.lessons);
    return { snapshot, lessonOrder: lessons.map((l) => l.id), required: lessons.filter((l) => l.required !== false).map((l) => l.id) };
  }

  return {
    /** The catalogue entry (current version), or undefined for an unknown code. */
    async current(code: string): Promise<CourseEntry | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: coursePk(code), sk: META } }));
      return Item as CourseEntry | undefined;
    },

    /** The content of one version (throws if the snapshot is missing: the sync writes it before the catalogue names it). */
    version(code: string, version: string): Promise<CourseVersion> {
      const key = `${code}@${version}`;
      let found = snapshots.get(key);
      if (found) {
        snapshots.delete(key);
      } else {
        found = readSnapshot(code, version);
        found.catch(() => snapshots.delete(key));
      }
      snapshots.set(key, found);
      while (snapshots.size > KEEP_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
      return found;
    },

    /** The training-day rules synced from content/training-rules.yaml (re-read every few minutes). */
    trainingRules(now = Date.now()): Promise<TrainingRules> {
      if (!rules || now - rules.at > RULES_TTL_MS) {
        const value = ddb
          .send(new GetCommand({ TableName: tableName, Key: { pk: CATALOGUE_PK, sk: TRAINING_RULES_SK } }))
          .then(({ Item }) => {
            if (!Item) throw new Error('training rules are not synced: run npm run content:sync');
            return Item as unknown as TrainingRules;
          });
        value.catch(() => (rules = undefined));
        rules = { value, at: now };
      }
      return rules.value;
    },
  };
}

export type CourseVersions = ReturnType<typeof courseVersions>;
