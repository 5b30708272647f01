/** Questions and answers of an FAQ page, and their schema.org `FAQPage` form. */
export interface FaqItem {
  question: string;
  answer: string;
}

/** Is `value` the list remark-faq stored in the page's remark frontmatter? */
export const isFaqList = (value: unknown): value is FaqItem[] =>
  Array.isArray(value) &&
  value.every(
    (item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as FaqItem).question === 'string' &&
      typeof (item as FaqItem).answer === 'string',
  );

/** A schema.org FAQPage (without `@context`, which the layout adds). */
export const faqPageJsonLd = (items: readonly FaqItem[]): object => ({
  '@type': 'FAQPage',
  mainEntity: items.map(({ question, answer }) => ({
    '@type': 'Question',
    name: question,
    acceptedAnswer: { '@type': 'Answer', text: answer },
  })),
});
