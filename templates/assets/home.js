// The home page lists the newest meetings by date; those still to come (today or later, by the
// reader's calendar) move to "Next meetings", soonest first. Without scripts every meeting stays
// in the one list, newest first.
const latest = document.getElementById('latest-meetings-list');
const next = document.getElementById('next-meetings-list');
const now = new Date();
const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
const coming = [...latest.querySelectorAll('li[data-date]')].filter((li) => li.dataset.date >= today);
if (coming.length > 0) {
  next.append(...coming.reverse());
  next.closest('section').hidden = false;
}
