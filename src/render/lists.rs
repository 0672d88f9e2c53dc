//! Lists of postings cut into pages of `paginate` (site.yaml): `/jobs/`, each category,
//! league and county, and the postings of a market. Page 1 is the list's folder
//! (`jobs/index.html`), page n is `jobs/page/n/index.html`.

use super::Renderer;
use super::families::Files;
use crate::views::Shown;
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize, Debug, PartialEq)]
struct PageLink {
    number: usize,
    path: String,
    current: bool,
    /// Pages left out before this one (shown as "…").
    gap: bool,
}

/// Pages a pager links to: the first, the last and three either side of the current
/// one. Linking every page made each page of a 100,000-posting list carry 2,000 links
/// (the lists grew with the square of their length), and nobody pages through them.
fn pager_numbers(current: usize, total: usize) -> Vec<usize> {
    const AROUND: usize = 3;
    let mut numbers = vec![1];
    numbers.extend(current.saturating_sub(AROUND).max(1)..=(current + AROUND).min(total));
    numbers.push(total);
    numbers.retain(|&k| (1..=total).contains(&k));
    numbers.dedup();
    numbers
}

fn pager_links(dir: &str, current: usize, total: usize) -> Vec<PageLink> {
    let mut last = 0;
    pager_numbers(current, total)
        .into_iter()
        .map(|k| {
            let gap = last > 0 && k > last + 1;
            last = k;
            PageLink {
                number: k,
                path: list_page_path(dir, k),
                current: k == current,
                gap,
            }
        })
        .collect()
}

/// What `partials/pager.html` shows: nothing when the list has one page.
#[derive(Serialize)]
pub(super) struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct ListPage<'r, H: Serialize> {
    heading: &'r str,
    head: &'r H,
    postings: Vec<Shown<'r>>,
    count: usize,
    pager: Pager,
}

/// Path of page `n` (1-based) of a list whose first page is `dir/index.html`.
fn list_page_path(dir: &str, n: usize) -> String {
    if n == 1 {
        format!("{dir}index.html")
    } else {
        format!("{dir}page/{n}/index.html")
    }
}

/// A list of postings cut into pages.
pub(super) struct Pages<'i> {
    /// Folder of the list, ending with `/`.
    dir: &'i str,
    indices: &'i [usize],
    per: usize,
    total: usize,
}

impl<'i> Pages<'i> {
    pub(super) fn new(r: &Renderer<'_>, dir: &'i str, indices: &'i [usize]) -> Self {
        let per = r.site.paginate;
        Pages {
            dir,
            indices,
            per,
            total: indices.len().div_ceil(per).max(1),
        }
    }

    /// The postings of page `n` (model indices).
    pub(super) fn slice(&self, n: usize) -> &'i [usize] {
        let len = self.indices.len();
        &self.indices[((n - 1) * self.per).min(len)..(n * self.per).min(len)]
    }

    pub(super) fn pager(&self, n: usize) -> Pager {
        Pager {
            current: n,
            total: self.total,
            prev: (n > 1).then(|| list_page_path(self.dir, n - 1)),
            next: (n < self.total).then(|| list_page_path(self.dir, n + 1)),
            pages: pager_links(self.dir, n, self.total),
        }
    }

    /// Renders pages `first..` with `template`: the list's fields are `heading`, `head`,
    /// `postings` (this page's), `count` (all of them) and `pager`.
    pub(super) fn render<H: Serialize + Sync>(
        &self,
        r: &Renderer<'_>,
        first: usize,
        template: &str,
        heading: &str,
        head: &H,
    ) -> Files {
        (first..=self.total)
            .into_par_iter()
            .map(|n| {
                let path = list_page_path(self.dir, n);
                if !r.wants(&path) {
                    return Ok(r.planned(&path));
                }
                let data = ListPage {
                    heading,
                    head,
                    postings: r.postings_at(self.slice(n)),
                    count: self.indices.len(),
                    pager: self.pager(n),
                };
                let title = if n == 1 {
                    heading.to_string()
                } else {
                    r.t.get("title_page")
                        .replace("{title}", heading)
                        .replace("{n}", &n.to_string())
                };
                r.page(template, &path, &title, None, &data)
            })
            .collect()
    }
}

/// Writes a paginated list of postings under `dir` (ending with `/`).
pub(super) fn paginated<H: Serialize + Sync>(
    r: &Renderer<'_>,
    template: &str,
    dir: &str,
    heading: &str,
    head: &H,
    indices: &[usize],
) -> Files {
    Pages::new(r, dir, indices).render(r, 1, template, heading, head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pager_links_the_ends_and_three_pages_either_side() {
        assert_eq!(pager_numbers(1, 1), vec![1]);
        assert_eq!(pager_numbers(2, 5), vec![1, 2, 3, 4, 5]);
        assert_eq!(pager_numbers(1, 2000), vec![1, 2, 3, 4, 2000]);
        assert_eq!(
            pager_numbers(1000, 2000),
            vec![1, 997, 998, 999, 1000, 1001, 1002, 1003, 2000]
        );
        assert_eq!(pager_numbers(2000, 2000), vec![1, 1997, 1998, 1999, 2000]);
        let links = pager_links("jobs/", 10, 20);
        let gaps: Vec<usize> = links.iter().filter(|l| l.gap).map(|l| l.number).collect();
        assert_eq!(gaps, vec![7, 20]);
        assert_eq!(links[0].path, "jobs/index.html");
        assert!(
            links
                .iter()
                .any(|l| l.current && l.number == 10 && l.path == "jobs/page/10/index.html")
        );
    }
}
