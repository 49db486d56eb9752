import { defaultHandlers, type Options as RemarkRehypeOptions } from 'remark-rehype';
import { IndexedList } from '../indexed-list.js';

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
type FootnoteReferenceHandler = NonNullable<Handlers['footnoteReference']>;
type State = Parameters<FootnoteReferenceHandler>[0];

/**
 * remark-rehype's own footnote-reference handler, run on an order that finds each footnote
 * in constant time, so that the references and the footnotes section are the library's.
 */
const footnoteReference: FootnoteReferenceHandler = (state: State, node) => {
  if (!(state.footnoteOrder instanceof IndexedList)) {
    const order = new IndexedList();
    for (const id of state.footnoteOrder) order.push(id);
    state.footnoteOrder = order;
  }
  return defaultHandlers.footnoteReference(state, node);
};

/** The handlers to give remark-rehype: its own, with footnote references found in constant time. */
export const RENDER_HANDLERS: Handlers = { footnoteReference };
