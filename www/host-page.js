// Host-page behaviour shared by the demo host pages (not part of the card):
// the "load another article" button adds a placeholder two seconds after it
// is pressed, as a slow page script or an infinite scroll would.
for (const button of document.querySelectorAll('[data-add-card]')) {
  button.addEventListener('click', () => {
    button.disabled = true;
    setTimeout(() => {
      const placeholder = document.createElement('div');
      placeholder.dataset.articleCard = '';
      placeholder.dataset.src = button.dataset.addCard;
      placeholder.id = 'card-late';
      const fallback = document.createElement('a');
      fallback.href = 'https://news.example/en/city/riverside-cycle-network-approved';
      fallback.textContent = 'Council approves a riverside cycle network';
      placeholder.append(fallback);
      button.after(placeholder);
    }, 2000);
  });
}
