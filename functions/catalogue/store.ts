/**
 * Every DynamoDB read of the catalogue. Queries and GetItems only: no request path scans.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../core/errors';
import type { Category, CourseDetail, CourseListQuery, CourseSummary, Programme } from './api';
import {
  CATALOGUE_PK,
  COURSE_GSI1SK_PATTERN,
  COURSES_GSI1PK,
  GSI1,
  META,
  coursePk,
  courseListPrefix,
} from './keys';
import { searchTokens } from './search';

export const DEFAULT_PAGE_SIZE = 12;

type Page<T> = { items: T[]; nextCursor: string | null };

const summaryAttributes = [
  'code', 'title', 'summary', 'programme', 'track', 'category', 'mode', 'hours',
  'trainingCategory', 'audience', 'level', 'languages', 'lessonCount', 'status', 'gsi1sk',
] as const;

function encodeCursor(gsi1sk: string): string {
  return Buffer.from(gsi1sk, 'utf8').toString('base64url');
}

/** A cursor is the listing key of the last course returned; anything else is refused. */
function decodeCursor(cursor: string, prefix: string | undefined): Record<string, string> {
  const gsi1sk = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = COURSE_GSI1SK_PATTERN.exec(gsi1sk);
  if (!match || (prefix && !gsi1sk.startsWith(prefix))) throw new AppError('INVALID_CURSOR');
  return { gsi1pk: COURSES_GSI1PK, gsi1sk, pk: coursePk(match[3]!), sk: META };
}

function toSummary(item: Record<string, unknown>): CourseSummary {
  const { gsi1sk: _key, ...summary } = item;
  return summary as CourseSummary;
}

export function catalogueStore(ddb: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Programmes and categories live in one partition: one Query returns both. */
    async listCatalogueHeads(): Promise<{ programmes: Programme[]; categories: Category[] }> {
      const programmes: Programme[] = [];
      const categories: Category[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await ddb.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': CATALOGUE_PK },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const { pk: _pk, sk, contentHash: _h, ...data } = item;
          if (String(sk).startsWith('PROGRAMME#')) programmes.push(data as Programme);
          else if (String(sk).startsWith('CATEGORY#')) categories.push(data as Category);
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return { programmes, categories };
    },

    /**
     * One page of active courses matching the filters, in programme/track/code order.
     * Programme and track narrow the key condition; the rest are filters, so a page may
     * take several Query calls to fill. The page is read one item beyond the limit to know
     * whether another page exists, so `nextCursor` never leads to an empty page.
     */
    async listCourses(query: CourseListQuery): Promise<Page<CourseSummary>> {
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const prefix = courseListPrefix(query.programme, query.track);
      const names: Record<string, string> = { '#gsi1pk': 'gsi1pk' };
      const values: Record<string, unknown> = { ':gsi1pk': COURSES_GSI1PK };
      let keyCondition = '#gsi1pk = :gsi1pk';
      if (prefix) {
        names['#gsi1sk'] = 'gsi1sk';
        values[':prefix'] = prefix;
        keyCondition += ' AND begins_with(#gsi1sk, :prefix)';
      }
      const filters: string[] = [];
      // Track narrows the key when a programme is given; alone, it is a filter like the others.
      const equalities = { track: query.programme ? undefined : query.track, category: query.category, mode: query.mode };
      for (const [attribute, value] of Object.entries(equalities)) {
        if (value === undefined) continue;
        names[`#${attribute}`] = attribute;
        values[`:${attribute}`] = value;
        filters.push(`#${attribute} = :${attribute}`);
      }
      if (query.language) {
        names['#languages'] = 'languages';
        values[':language'] = query.language;
        filters.push('contains(#languages, :language)');
      }
      if (query.q) {
        names['#searchText'] = 'searchText';
        searchTokens(query.q).forEach((token, i) => {
          values[`:t${i}`] = token;
          filters.push(`contains(#searchText, :t${i})`);
        });
      }
      const projection = summaryAttributes.map((a) => {
        names[`#p_${a}`] = a;
        return `#p_${a}`;
      });

      const found: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined = query.cursor ? decodeCursor(query.cursor, prefix) : undefined;
      do {
        const input: QueryCommandInput = {
          TableName: tableName,
          IndexName: GSI1,
          KeyConditionExpression: keyCondition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ProjectionExpression: projection.join(', '),
          // Read a little more than a page: filters drop some items before they reach us.
          Limit: Math.max(limit + 1, 25),
          ExclusiveStartKey,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        };
        const page = await ddb.send(new QueryCommand(input));
        found.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey && found.length <= limit);

      const items = found.slice(0, limit);
      const hasMore = found.length > limit;
      const last = items.at(-1);
      return {
        items: items.map(toSummary),
        nextCursor: hasMore && last ? encodeCursor(String(last.gsi1sk)) : null,
      };
    },

    /** A course by code, active or retired (enrolled learners still open retired courses). */
    async getCourse(code: string): Promise<CourseDetail | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: coursePk(code), sk: META } }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, searchText: _s, contentHash: _h, ...course } = Item;
      return course as CourseDetail;
    },
  };
}

export type CatalogueStore = ReturnType<typeof catalogueStore>;
