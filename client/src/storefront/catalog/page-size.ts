/** Products per page in the catalog, a category and search (and in the first load's early request). */
export const PAGE_SIZE = 12;
